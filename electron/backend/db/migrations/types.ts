/** A numbered schema change, bundled in code. Its SQL is hashed so an edited migration is caught. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
