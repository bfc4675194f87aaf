/** Who asks: the verified caller's subject and roles. */
export interface Reader {
  actor: string;
  roles: readonly string[];
}
