// Lets a worker thread started from TypeScript sources (ts-jest runs tests
// without a dist/) load .ts files: each is transpiled as it is required, and
// the @app/* path aliases of tsconfig.json resolve to the sources. Compiled
// code (npm start) never loads this.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.json');

register({ baseUrl: path.join(__dirname, '..'), paths: compilerOptions.paths });
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};
