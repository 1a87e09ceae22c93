/**
 * What the extension watches. Kept free of the `vscode` import so package.json checks and unit
 * tests can read it too.
 */

/** VS Code language ids of the sources tracklint checks. */
export const CHECKED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/**
 * Tracking-plan files, which the server also reads (diagnostics on the plan, completion in it).
 * `**` also matches `plans/`, so `plans/tracking-plan.yaml` is covered without a second alternative.
 */
export const PLAN_FILE_PATTERN = '**/tracking-plan.{yaml,yml,json}';
