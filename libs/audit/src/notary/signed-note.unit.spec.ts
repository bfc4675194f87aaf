import { sign } from 'node:crypto';
import { signCheckpoint } from './checkpoint';
import { emptyTreeHash } from './merkle-tree-hash';
import { checkpointToSignedNote, noteKeyId, noteVerifierKey, signedNote } from './signed-note';
import { loadSigningKey, publicKeyRaw } from './signing-key';

// The published example of golang.org/x/mod/sumdb/note (note.go, ExampleSign):
// Ed25519 is deterministic, so matching it byte for byte shows that tools of
// that family will accept our notes. The private key is 0x01 ‖ 32-byte seed.
const GO_SIGNER_KEY_DATA = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('C2SP signed notes', () => {
  const seed = Buffer.from(GO_SIGNER_KEY_DATA, 'base64').subarray(1);
  const key = loadSigningKey(seed.toString('base64'));
  const publicKey = publicKeyRaw(key);

  it('reproduces the Go sumdb/note reference key and note', () => {
    expect(noteVerifierKey('PeterNeumann', publicKey)).toBe(GO_VERIFIER_KEY);
    expect(noteKeyId('PeterNeumann', publicKey).toString('hex')).toBe('c74f20a3');
    const signature = sign(null, Buffer.from(GO_TEXT), key);
    expect(signedNote(GO_TEXT, 'PeterNeumann', publicKey, signature)).toBe(GO_NOTE);
  });

  it('renders a checkpoint as a note signed under its origin', () => {
    const checkpoint = signCheckpoint(
      {
        origin: 'notary.example/audit',
        treeSize: 0,
        rootHash: emptyTreeHash(),
        signedAt: '2025-01-01T00:00:00Z',
      },
      key,
    );
    const blob = Buffer.concat([
      noteKeyId('notary.example/audit', publicKey),
      Buffer.from(checkpoint.signature, 'base64'),
    ]);
    expect(checkpointToSignedNote(checkpoint)).toBe(
      `notary.example/audit\n0\n${emptyTreeHash().toString('base64')}\n\n\u2014 notary.example/audit ${blob.toString('base64')}\n`,
    );
  });
});
