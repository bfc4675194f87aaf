// The notary's public surface: pure hashing, proofs and signatures. Storage,
// scheduling and HTTP live elsewhere and use only what is exported here.
export { checkpointBody, isValidOrigin, signCheckpoint, verifyCheckpoint } from './checkpoint';
export type { Checkpoint, CheckpointToSign } from './checkpoint';
export { eventHashBytes, fromBase64, isEventHashHex, toBase64 } from './hash-encoding';
export type { HashInput } from './hash-encoding';
export { MerkleLog } from './merkle-log';
export { emptyTreeHash, leafHash, merkleTreeHash, nodeHash } from './merkle-tree-hash';
export type { ConsistencyProof, InclusionProof } from './proof-types';
export { checkpointToSignedNote, noteKeyId, noteVerifierKey, signedNote } from './signed-note';
export { generateSigningKey, loadSigningKey, publicKeyFromRaw, publicKeyRaw } from './signing-key';
export { verifyConsistency, verifyConsistencyProof } from './verify-consistency';
export { verifyInclusion, verifyInclusionProof } from './verify-inclusion';
export type { LeafRef } from './verify-inclusion';
