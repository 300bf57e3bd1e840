import type { Messages } from './messages.js';

const type = (t: string | undefined): string =>
  ({ mapping: 'a mapping (key: value)', list: 'a list (lines starting with "- ")', string: 'a string', number: 'a number', boolean: 'true or false', null: 'empty', other: 'something else' })[t ?? ''] ?? (t ?? '');

export const en: Messages = {
  lang: 'en',
  help: {
    usage: 'Usage:',
    description: 'Description:',
    arguments: 'Arguments:',
    options: 'Options:',
    globalOptions: 'Global options:',
    commands: 'Commands:',
    examples: 'Examples:',
    helpOption: 'display help',
    helpCommand: 'display help for a command',
    versionOption: 'display the version number',
  },
  program: {
    description:
      'tusoi — "self-examination, self-correction" under Resolution 04-NQ/TW (12th term): members self-assess against the 27 manifestations, cells summarise, higher committees merge the reports.',
    db: 'database file (default: ./tusoi.sqlite or TUSOI_DB)',
    lang: 'interface language: vi or en (default: vi, or TUSOI_LANG)',
    json: 'print the result as JSON (only data on stdout)',
    exitCodes: 'Exit codes: 0 success, 1 failure (bad data included), 2 usage error, 130 interrupted (Ctrl+C).',
  },
  commands: {
    questionnaire: {
      summary: 'show and check questionnaires (YAML files)',
      list: {
        summary: 'list the bundled questionnaires (and any files given)',
        files: 'other questionnaire YAML files to list too',
        examples: [['tusoi questionnaire list', 'the questionnaires shipped with tusoi']],
      },
      show: {
        summary: 'show a questionnaire: groups, manifestations, behaviours',
        ref: 'id of a bundled questionnaire (e.g. nq4-khoa-xii) or a YAML file path',
        examples: [
          ['tusoi questionnaire show nq4-khoa-xii --lang en', 'the Resolution 4 questionnaire'],
          ['tusoi questionnaire show nq4-khoa-xii --json', 'as JSON for scripts'],
        ],
      },
      validate: {
        summary: 'check questionnaire files, reporting every problem with its line and column',
        files: 'YAML files to check',
        fix: 'rewrite the file with its text normalised to Unicode NFC',
        examples: [['tusoi questionnaire validate questionnaires/nq4-khoa-xii.yaml', 'check a file; exit 0 when valid, 1 otherwise']],
      },
    },
  },
  usage: {
    unknownOption: (o) => `Unknown option: ${o}.`,
    unknownCommand: (c) => `Unknown command: ${c}.`,
    missingArgument: (a) => `Missing required argument: ${a}.`,
    optionMissingArgument: (o) => `Option ${o} needs a value.`,
    excessArguments: 'Too many arguments.',
    invalidValue: (d) => `Invalid value: ${d}`,
    other: (d) => `Wrong usage: ${d}`,
    seeHelp: (c) => `See: ${c} --help`,
  },
  errors: {
    FILE_NOT_FOUND: (p) => `File not found: ${p.file}. Check the path.`,
    FILE_UNREADABLE: (p) => `Cannot read ${p.file} (${p.reason}). Check the file's permissions.`,
    FILE_WRITE_FAILED: (p) => `Cannot write ${p.file} (${p.reason}). Check the folder and permissions; the old file is unchanged.`,
    QUESTIONNAIRE_NOT_FOUND: (p) =>
      `No questionnaire "${p.ref}". Bundled: ${p.bundled || '(none)'}. Or give the path of a YAML file. See: tusoi questionnaire list`,
    QUESTIONNAIRE_INVALID: (p) => `The questionnaire ${p.file} has ${p.errors} error(s). Details: tusoi questionnaire validate ${p.file}`,
    BAD_OPTION_VALUE: (p) => `"${p.value}" is not a valid value for ${p.option}. Choose one of: ${p.allowed}.`,
    NOT_A_TERMINAL: (p) => `"${p.command}" needs an interactive terminal (it cannot read from a pipe or a file).`,
  },
  internal: {
    title: 'Internal error in tusoi (not your fault).',
    report: 'Please send everything above to the tusoi developers so it can be fixed.',
  },
  interrupted: 'Stopped (Ctrl+C).',
  problems: {
    error: 'error',
    warning: 'warning',
    messages: {
      NOT_UTF8: () => 'The file is not UTF-8 text. Save it again as UTF-8 (Notepad: Save as… → Encoding: UTF-8).',
      FILE_TOO_LARGE: (p) => `The file is too large (${p.count} bytes, at most ${p.limit}). It does not look like a questionnaire.`,
      YAML_SYNTAX: (p) => `YAML syntax error: ${p.detail}. Check the indentation (spaces, not tabs), colons and quotes.`,
      DUPLICATE_KEY: (p) => `A key appears twice in the same mapping: ${p.detail}. Remove one of the two lines.`,
      TOO_DEEP: () => 'Nested too deeply. A questionnaire only has groups → manifestations → behaviours.',
      EMPTY_DOCUMENT: () => 'The file is empty. See the example in questionnaires/README.md.',
      UNSUPPORTED_FORMAT: (p) =>
        `"format: ${p.actual}" is not supported (this tusoi reads format: ${p.expected}). Update tusoi, or write format: ${p.expected}.`,
      WRONG_TYPE: (p) => `${p.key ? `"${p.key}" must be` : 'Expected'} ${type(p.expected)}, but this is ${type(p.actual)}.${p.expected === 'string' && p.actual === 'number' ? ' Put the value in double quotes, e.g. "2026.1".' : ''}`,
      MISSING_FIELD: (p) => `The required key "${p.key}" is missing. Add "${p.key}: …" here.`,
      UNKNOWN_KEY: (p) => `Unknown key "${p.key}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ' Remove it, or see the format in questionnaires/README.md.'}`,
      EMPTY_TEXT: (p) => `"${p.key}" is empty. Fill it in.`,
      TEXT_TOO_LONG: (p) => `"${p.key}" is ${p.count} characters long (at most ${p.limit}). Shorten it.`,
      NOT_NFC: (p) =>
        `The text in "${p.key}" is not in composed Unicode (NFC), usually from typing in "Unicode tổ hợp" mode. Fix it automatically: tusoi questionnaire validate --fix FILE`,
      MISSING_TRANSLATION: () => 'No English text (en). The English interface will show the Vietnamese.',
      BAD_ID: (p) => `The id "${p.id}" is not valid: use unaccented letters, digits, dots, hyphens and underscores (at most ${p.limit}), starting with a letter or digit.`,
      DUPLICATE_ID: (p) => `The ${p.what ?? 'item'} id "${p.id}" is a duplicate (first used on line ${p.firstLine}). Rename one of them.`,
      DUPLICATE_ID_CASE: (p) =>
        `The ${p.what ?? 'item'} id "${p.id}" differs from "${p.actual}" (line ${p.firstLine}) only in case; spreadsheets treat them as one. Rename one of them.`,
      EMPTY_LIST: (p) => `This ${p.what ?? 'item'} has no "${p.key}". Add at least one, or remove the ${p.what ?? 'item'}.`,
      TOO_FEW_LEVELS: (p) => `At least ${p.limit} answer levels are needed (there are ${p.count}), the first meaning "none".`,
      NO_NONE_LEVEL: (p) => `The first level "${p.id}" must be the "none" level: add "none: true" to it.`,
      NONE_NOT_FIRST: (p) => `Only the first level may be the "none" level (none: true); remove it from "${p.id}" or move that level first.`,
      BAD_STATUS: (p) => `"${p.actual}" is not a valid status. Use one of: ${p.expected}.`,
      BAD_COUNT: (p) => `"${p.key}" must be a whole number, zero or more (found ${p.actual}).`,
      COUNT_MISMATCH: (p) => `${p.expected} ${p.key} declared, but the file has ${p.actual}. Correct the declared number or the list.`,
    },
    summary: (file, e, w) => `${file}: ${e} error(s), ${w} warning(s).`,
    valid: (file, counts, sha) => `${file}: valid — ${counts}; sha256 ${sha}`,
    fixed: (file) => `${file}: text normalised to NFC and the file rewritten.`,
  },
  questionnaire: {
    status: {
      verbatim: 'verbatim from the resolution',
      partial: 'partly checked against the official text',
      unverified: 'not yet checked against the official text',
    },
    statusMark: {
      partial: 'wording only partly checked against the official text',
      unverified: 'wording not yet checked against the official text',
    },
    counts: (g, m, b) => `${g} groups, ${m} manifestations, ${b} behaviours`,
    id: 'Id',
    version: 'Version',
    source: 'Legal basis',
    levels: 'Levels',
    bundled: 'bundled',
    file: 'file',
    noneFound: 'No questionnaires.',
    invalidInList: (file, e) => `${file}: invalid (${e} error(s)) — see: tusoi questionnaire validate ${file}`,
  },
};
