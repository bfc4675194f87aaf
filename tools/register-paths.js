// Resolves the @app/* path aliases of tsconfig.json inside the compiled dist/ tree.
const path = require('node:path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.json');

register({ baseUrl: path.join(__dirname, '..', 'dist'), paths: compilerOptions.paths });
