/** RFC 9162 §2.1.3 inclusion proof as served to auditors; hashes are base64. */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
}

/** RFC 9162 §2.1.4 consistency proof as served to auditors; hashes are base64. */
export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  path: string[];
}
