// Camunda's form linter (@camunda/form-linting) over the Camunda Forms named on the command line, with the
// rules of the form-js the Tasklist of Camunda 7.24 bundles. Prints one line per finding
// ("<file>: <severity> <component id> (<label>): <message>") and exits 1 if there is any.
//
// Why not FormLinter.lint: its table of platform versions ends at 7.22, so for a form declaring 7.24 it
// silently reports nothing. The 7.24 Tasklist renders schemaVersion 16, the form-js 1.8 line that the
// linter assigns to 7.22 (1.8.7); FormLintTest checks the bundled schema version so this cannot drift.
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// The linter is published as ES modules written for bundlers (relative imports without ".js").
register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND' && /^\\.\\.?\\//.test(specifier)) {
      return next(specifier + '.js', context);
    }
    throw e;
  }
}`));

export const FORM_JS_OF_TASKLIST_7_24 = '1.8.7';

const lib = '@camunda/form-linting/lib/';
const { getRuleConfig } = await import(lib + 'config/ruleConfig.js');
const { getExecutionPlatformLabel } = await import(lib + 'config/util.js');
const { defaultRuleRegistry } = await import(lib + 'rules/ruleRegistry.js');
const { executeRecursively } = await import(lib + 'util.js');
const { default: StaticRuleResolver } = await import(lib + 'StaticRuleResolver.js');
const { default: ProblemsReporter } = await import(lib + 'ProblemsReporter.js');

function lint(schema) {
  const reporter = new ProblemsReporter();
  const rules = new StaticRuleResolver(defaultRuleRegistry).resolve(getRuleConfig(FORM_JS_OF_TASKLIST_7_24));
  const base = { executionPlatformLabel: getExecutionPlatformLabel(schema), formJSVersion: FORM_JS_OF_TASKLIST_7_24, reporter };
  rules.forEach(rule => executeRecursively(rule.execute, schema, { ...base, category: rule.category }));
  return reporter.getReports();
}

let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const report of lint(JSON.parse(readFileSync(file, 'utf8')))) {
    findings++;
    console.log(`${basename(file)}: ${report.category} ${report.id} (${report.label}): ${report.message}`);
  }
}
console.log(`${findings} finding(s) in ${process.argv.length - 2} form(s)`);
process.exit(findings === 0 ? 0 : 1);
