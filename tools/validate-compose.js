#!/usr/bin/env node
// Validates docker-compose.yml without a Docker engine (.ci/run):
//  1. against the Compose Specification JSON schema, vendored unchanged from
//     https://github.com/compose-spec/compose-spec/blob/00655e2222608fa6eaecdf12ac5195889ca2244a/schema/compose-spec.json
//     into infra/compose/compose-spec.json (see infra/compose/README.md);
//  2. against what the schema cannot see: every depends_on target exists, a
//     `service_healthy` target has a health check (its own, or the HEALTHCHECK
//     of the Dockerfile it builds), files the compose file mounts or builds
//     from exist, and named volumes are declared.
// Usage: node tools/validate-compose.js [docker-compose.yml]   (exit 1 with the problems listed)
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const YAML = require('yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const ROOT = join(__dirname, '..');
const SCHEMA_FILE = join(ROOT, 'infra', 'compose', 'compose-spec.json');

let validateSchema;
function schemaValidator() {
  if (validateSchema) return validateSchema;
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  // Draft-07 is Ajv's default; the "$schema" URL spelling (https, no '#') is not one Ajv registers.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validateSchema = ajv.compile(schema);
  return validateSchema;
}

/** Parses compose YAML as Compose does: anchors, aliases and `<<` merge keys. */
function parseCompose(text) {
  const doc = YAML.parseDocument(text, { merge: true });
  if (doc.errors.length > 0) return { errors: doc.errors.map((e) => `YAML: ${e.message}`) };
  return { value: doc.toJS({ maxAliasCount: -1 }) };
}

/** Problems with a compose file's text; `baseDir` resolves relative paths (build contexts, bind mounts). */
function validateCompose(text, baseDir = ROOT) {
  const parsed = parseCompose(text);
  if (parsed.errors) return parsed.errors;
  const compose = parsed.value;
  const validate = schemaValidator();
  if (!validate(compose))
    return validate.errors.map((e) => `schema: ${e.instancePath || '/'} ${e.message}${params(e)}`);
  return projectRules(compose, baseDir);
}

function params(error) {
  const p = error.params || {};
  if (p.additionalProperty) return ` ("${p.additionalProperty}")`;
  if (p.allowedValues) return ` (${p.allowedValues.join(', ')})`;
  return '';
}

function projectRules(compose, baseDir) {
  const problems = [];
  const services = compose.services || {};
  const volumes = compose.volumes || {};
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = service.depends_on || {};
    const entries = Array.isArray(dependsOn)
      ? dependsOn.map((d) => [d, { condition: 'service_started' }])
      : Object.entries(dependsOn);
    for (const [target, dependency] of entries) {
      if (!services[target]) {
        problems.push(`services.${name}.depends_on: no service "${target}"`);
        continue;
      }
      if (target === name) problems.push(`services.${name}.depends_on: depends on itself`);
      if (dependency.condition === 'service_healthy' && !hasHealthCheck(services[target], baseDir))
        problems.push(
          `services.${name}.depends_on.${target}: condition service_healthy, but "${target}" has no health check`,
        );
    }
    if (service.build) {
      const context = resolve(
        baseDir,
        typeof service.build === 'string' ? service.build : service.build.context || '.',
      );
      const dockerfile = join(
        context,
        (typeof service.build === 'object' && service.build.dockerfile) || 'Dockerfile',
      );
      if (!existsSync(dockerfile)) problems.push(`services.${name}.build: no Dockerfile at ${dockerfile}`);
    }
    for (const volume of service.volumes || []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
      if (!source) continue;
      if (/^[./~]/.test(source)) {
        if (!existsSync(resolve(baseDir, source)))
          problems.push(`services.${name}.volumes: no file or folder ${source}`);
      } else if (!(source in volumes))
        problems.push(`services.${name}.volumes: volume "${source}" is not declared`);
    }
  }
  return problems;
}

function hasHealthCheck(service, baseDir) {
  if (service.healthcheck) return !service.healthcheck.disable;
  if (!service.build) return false; // an image's own HEALTHCHECK cannot be checked here; declare it
  const context = resolve(
    baseDir,
    typeof service.build === 'string' ? service.build : service.build.context || '.',
  );
  const dockerfile = join(
    context,
    (typeof service.build === 'object' && service.build.dockerfile) || 'Dockerfile',
  );
  return existsSync(dockerfile) && /^\s*HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(dockerfile, 'utf8'));
}

module.exports = { validateCompose, parseCompose };

if (require.main === module) {
  const file = resolve(process.argv[2] || join(ROOT, 'docker-compose.yml'));
  const problems = validateCompose(readFileSync(file, 'utf8'), dirname(file));
  if (problems.length > 0) {
    console.error(`${file} does not validate:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${file}: valid (Compose Specification schema and project rules)`);
}
