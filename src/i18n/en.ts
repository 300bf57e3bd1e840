import type { Messages } from './messages.js';
import { shellName, shellWord } from '../text/shell-word.js';

const type = (t: string | undefined): string =>
  ({ mapping: 'a mapping (key: value)', list: 'a list (lines starting with "- ")', string: 'a string', number: 'a number', boolean: 'true or false', null: 'empty', other: 'something else' })[t ?? ''] ?? (t ?? '');

const mb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB` : `${n.toLocaleString('en-GB')} bytes`);
const notRegular: Messages['files']['notRegular'] = {
  directory: 'a folder',
  fifo: 'a named pipe (FIFO)',
  device: 'a device file',
  socket: 'a socket',
  other: 'a special file-system entry',
};

const formats: Messages['files']['formats'] = {
  xlsx: 'an Excel workbook (.xlsx)',
  ods: 'a LibreOffice/OpenOffice spreadsheet (.ods)',
  xls: 'an Excel 97–2003 workbook (.xls) or another old Office file',
  zip: 'a ZIP archive',
  docx: 'a Word document (.docx)',
  doc: 'a Word 97–2003 document (.doc)',
  pdf: 'a PDF file',
  sqlite: 'a SQLite database (perhaps a tusoi database; the file to send upward is made by tusoi export)',
  gzip: 'a gzip archive',
  '7z': 'a 7-Zip archive',
  rar: 'a RAR archive',
  image: 'an image',
};
const format = (f: string | undefined): string => formats[f as keyof typeof formats] ?? 'a binary file';

/** Text hygiene (issue 14, part 4): what kind of character was refused. */
const charKind = (k: string | undefined): string =>
  ({ control: 'a control character', bidi: 'a text-direction character', invisible: 'an invisible character', surrogate: 'half a character (a lone surrogate)' })[k ?? ''] ?? 'a character not allowed';

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
    optionsPlaceholder: '[options]',
    commandPlaceholder: '[command]',
    placeholders: {
      file: 'file',
      files: 'files',
      dir: 'dir',
      code: 'code',
      name: 'name',
      names: 'names',
      level: 'level',
      label: 'label',
      idOrFile: 'id|file',
      member: 'name|code',
      format: 'format',
      k: 'k',
      sep: 'sep',
      lang: 'lang',
      paths: 'paths',
      ref: 'ref',
    },
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
    init: {
      summary: 'create a new database file for a unit (cell, grassroots committee, bloc…)',
      unitCode: 'unit code, unaccented, no spaces (e.g. CB03)',
      unitName: 'unit name (e.g. "Chi bộ Văn phòng")',
      level: 'level: chi-bo (default), dang-uy-co-so, khoi… (a label only)',
      parent: 'code of the unit directly above',
      examples: [
        ['tusoi init --unit-code CB03 --unit-name "Chi bộ Văn phòng" --parent DU01', 'create ./tusoi.sqlite for a cell'],
        ['tusoi init --db khoi.sqlite --unit-code DUK --unit-name "Đảng ủy Khối" --level khoi', 'create a database that merges reports'],
      ],
    },
    member: {
      summary: 'keep the member list',
      add: {
        summary: 'add one or more members',
        names: 'full names (in double quotes)',
        code: 'member code (only when adding one; default generated M001, M002…)',
        examples: [
          ['tusoi member add "Nguyễn Văn An" "Trần Thị Bích Ngọc"', 'add two members with generated codes'],
          ['tusoi member add "Lê Văn Hùng" --code CB03-017', 'add one member with a given code'],
        ],
      },
      list: { summary: 'list members in Vietnamese name order', all: 'include members no longer active' },
      remove: {
        summary: 'remove a member (one who has answered is only deactivated; the data is kept)',
        member: 'code or name (diacritics optional)',
      },
      import: {
        summary: 'import a list from an .xlsx, CSV or TXT file as offices keep it: titles above the header, STT, the name in one column or Họ/Họ đệm/Tên, an optional code',
        file: '.xlsx, CSV or TXT file',
        examples: [['tusoi member import members.csv', 'all or nothing: nothing is imported if any row is wrong']],
      },
    },
    round: {
      summary: 'open, close and list self-assessment rounds',
      open: {
        summary: 'open a new round (one open at a time)',
        label: 'round label, unique (default: the current year)',
        questionnaire: 'questionnaire: a bundled id or a YAML file (default nq4-khoa-xii)',
        anonymous: 'anonymous round: no link between a member and their answers is kept',
        examples: [
          ['tusoi round open --label 2026', 'open round 2026 with the Resolution 4 questionnaire'],
          ['tusoi round open --label "2026 anon" --anonymous', 'open an anonymous round'],
        ],
      },
      close: { summary: 'close the open round (locks all its answers)' },
      list: { summary: 'list the rounds' },
    },
    answer: {
      summary: 'a member self-assesses (answers each behaviour); or enter a paper form',
      member: 'member code or name (diacritics optional)',
      answers: 'enter a paper form from a CSV file with the header behaviour,level',
      replace: "replace this member's existing response (paper forms)",
      examples: [
        ['tusoi answer --member "nguyen van an"', 'answer; resumes where it stopped'],
        ['tusoi answer --member M003 --answers form-M003.csv', 'enter a paper form'],
      ],
    },
    response: {
      summary: 'manage responses',
      reopen: {
        summary: 'reopen a submitted response so the member can change it (named rounds only)',
        member: 'member code or name',
      },
    },
    session: {
      summary: 'the meeting: members answer one after another on one laptop; the screen is cleared after each',
      examples: [['tusoi session', 'the secretary starts it once; choose Quit at the end']],
    },
    // --- serve (issue 18) ---
    serve: {
      summary: 'serve the form on the local network: members answer on their own phones or computers',
      host: "address to listen on (default: this computer's address on the local network)",
      port: 'port (default: 8080)',
      codes: "write the members' personal code slips (HTML) to this file and exit; printing again voids the old codes",
      force: 'replace an existing --codes file without asking',
      examples: [
        ['tusoi serve --codes codes.html', 'print personal code slips to hand to each member'],
        ['tusoi serve', 'serve the form; Ctrl+C stops'],
        ['tusoi serve --host 192.168.137.1 --port 8080', "choose the address (e.g. this laptop's hotspot)"],
      ],
    },
    status: {
      summary: 'the open round: submitted, in progress, not started',
      examples: [['tusoi status --json', 'as JSON']],
    },
    demo: {
      summary: 'a demo: makes a small bloc with sample data, merges the reports and shows the result (a few seconds)',
      dir: 'folder to create the data in (default: a new temporary folder)',
      examples: [
        ['tusoi demo --lang en', 'the demo in a temporary folder'],
        ['tusoi demo --dir trial --lang en', 'in the folder trial'],
      ],
    },
    merge: {
      summary: "merge lower units' export files into the higher unit's database",
      paths: '.csv/.txt files or folders (searched recursively)',
      round: 'the receiving round (default: the open round)',
      replace: "replace a unit's merged file when the figures differ",
      remove: 'take a merged file out of the round, by its unit code or its file name as merged (may be repeated; done before any files given are merged)',
      examples: [
        ['tusoi merge received/', 'merge every file in the folder; exit 1 if any file is rejected'],
        ['tusoi merge CB07-2026.csv --replace', "replace CB07's earlier file"],
        ['tusoi merge --remove CB07 DU01-2026.csv', "take CB07's own file out, then merge its committee's file that counts CB07"],
      ],
    },
    unit: {
      summary: 'the list of units expected to report (to see who has not)',
      import: {
        summary: 'import the list of units from CSV: code, name, parent code (and level, optional)',
        file: 'CSV or TXT file',
        examples: [['tusoi unit import units.csv', 'then the status command shows which units have not reported']],
      },
      list: { summary: 'list the expected units' },
    },
    report: {
      summary: "the round's summary: on screen, printable HTML, PDF or JSON",
      round: 'round label (default: the open round, else the latest)',
      format: 'text (default), html, pdf or json',
      out: 'file to write (default for html/pdf: <unit code>-<round>.html|pdf)',
      suppress: 'hide counts from 1 to K−1 (for reports shared beyond the cell), e.g. 5',
      compare: 'compare with an earlier round (its label)',
      force: 'replace an existing file without asking',
      examples: [
        ['tusoi report --lang en', 'the report on screen, most reported behaviours first'],
        ['tusoi report --format html', 'an A4 HTML file to print (Ctrl+P)'],
        ['tusoi report --format pdf --suppress-below 5', 'a PDF hiding counts below 5'],
      ],
    },
    measure: {
      summary: "the cell's collective corrective measures (shown in the cell's report)",
      add: {
        summary: 'add a measure',
        text: 'what the cell will do',
        behaviour: 'the behaviour it addresses (e.g. TT4.3)',
        examples: [['tusoi measure add "Weekly briefing with clear assignments" --behaviour TT4.3', 'a measure for TT4.3']],
      },
      list: { summary: "list the round's measures" },
      done: { summary: 'mark a measure as carried out', id: 'the measure number (as measure list shows it)' },
    },
    export: {
      summary: "export the unit's summary as a CSV file to send upward (no member names)",
      round: 'round label (default: the open round, else the latest)',
      out: 'file to write, or - for standard output (default: <unit code>-<round>.csv)',
      separator: 'separator: , (default), ; or tab',
      force: 'replace an existing file without asking',
      examples: [
        ['tusoi export', 'writes CB03-2026.csv: UTF-8 with BOM, opens in Excel'],
        ['tusoi export --separator ";"', 'use ; (Excel with Vietnamese settings)'],
      ],
    },
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
    missingOption: (o) => `Missing required option ${o}.`,
    excessArguments: 'Too many arguments.',
    invalidValue: (d) => `Invalid value: ${d}`,
    other: (d) => `Wrong usage: ${d}`,
    seeHelp: (commandPath) => `See:\n  ${commandPath} --help`,
    didYouMean: (s) => `Did you mean ${s}?`,
  },
  errors: {
    FILE_NOT_FOUND: (p) => `File not found: ${p.file}. Check the path.`,
    FILE_UNREADABLE: (p) => `Cannot read ${p.file} (${p.reason}). Check the file's permissions.`,
    FILE_WRITE_FAILED: (p) => `Cannot write ${p.file} (${p.reason}). Check the folder and permissions; the old file is unchanged.`,
    FILE_NOT_REGULAR: (p) => `${p.file} is ${notRegular[p.kind]}, not a regular file; tusoi did not read it. Name the file itself.`,
    FILE_TOO_LARGE: (p) => `${p.file} is too large (${mb(p.size)}, at most ${mb(p.limit)}); tusoi did not read it. Check that it is the right file.`,
    CSV_WORKBOOK: (p) => `${p.file} is ${format(p.format)}, which tusoi does not read. Open it in Excel and save it as .xlsx or CSV UTF-8 ("Save As"), then use that file.`,
    CSV_NOT_TEXT: (p) =>
      p.format === 'doc' || p.format === 'docx' || p.format === 'pdf'
        ? `${p.file} is ${format(p.format)}, not a spreadsheet; tusoi does not read tables inside it. Copy the table into Excel or LibreOffice Calc and save it as .xlsx or CSV UTF-8.`
        : `${p.file} is ${format(p.format)}, not a CSV table. Check that it is the right file.`,
    DEMO_DIR_EXISTS: (p) => `${p.dir} already holds a demo. Delete that folder, or choose another:\n  tusoi demo --dir trial-2`,
    QUESTIONNAIRE_NOT_FOUND: (p) =>
      `No questionnaire "${p.ref}". Bundled: ${p.bundled || '(none)'}. Or give the path of a YAML file. See the questionnaires:\n  tusoi questionnaire list`,
    QUESTIONNAIRE_INVALID: (p) => `The questionnaire ${p.file} has ${p.errors} error(s). Details:\n  tusoi questionnaire validate ${shellWord(p.file)}`,
    BAD_OPTION_VALUE: (p) => `"${p.value}" is not a valid value for ${p.option}. Choose one of: ${p.allowed}.`,
    NOT_A_TERMINAL: (p) => `"${p.command}" needs an interactive terminal (it cannot read from a pipe or a file). On Windows use Windows Terminal, PowerShell or cmd.`,
    DB_NOT_FOUND: (p) => `No database ${p.file} yet. Create one (or name another file with --db):\n  tusoi init --unit-code CODE --unit-name "Cell name"`,
    DB_EXISTS: (p) => `${p.file} already exists; tusoi does not overwrite it. Choose another name with --db, or use that file.`,
    DB_NOT_TUSOI: (p) => `${p.file} is not a tusoi database (or it is damaged). Check --db; the file is unchanged.`,
    DB_TOO_NEW: (p) => `${p.file} was made by a newer tusoi (schema ${p.version}; this one reads up to ${p.supported}). Update tusoi; the file is unchanged.`,
    DB_DATA_TOO_NEW: (p) => `${p.file} holds ${p.what === 'questionnaire' ? "a round's questionnaire" : 'merged counts'} written by a newer tusoi (format ${p.format}; this one reads up to ${p.supported}). Update tusoi to read it.`,
    DB_READONLY: (p) => `Cannot write to ${p.file}: the file or its folder is read-only. Check permissions, or copy the file to a folder of yours.`,
    DB_FULL: (p) => `Cannot write to ${p.file}: the disk is full or failing. Free some space and run again; saved data is not lost.`,
    DB_BUSY: (p) => `The database ${p.file} is busy (another window has been writing for too long). Wait a moment and run again.`,
    DIR_NOT_FOUND: (p) => `The folder ${p.dir} does not exist. Create it first, or choose another path.`,
    BAD_UNIT_CODE: (p) => `The unit code "${p.code}" is not valid: use unaccented letters, digits, dots and hyphens (e.g. CB03); include a letter so Excel does not turn it into a number.`,
    BAD_FINGERPRINT: (p) => `"${p.value}" is not a key fingerprint: it is four groups of four characters such as 7K3M-Q9XA-2HBT-W6PD (the unit prints it with the unit key command).`,
    DB_NO_KEY: () => 'This database has no signing key yet (it is open read-only). Open it once where it can be written (e.g. copy it to your own folder) to make one.',
    EMPTY_NAME: (p) => `Missing ${p.what}.`,
    MEMBER_NOT_FOUND: (p) => `No member "${p.query}". See the list:\n  tusoi member list`,
    MEMBER_AMBIGUOUS: (p) => `"${p.query}" matches several members: ${p.candidates}. Give the member code, e.g. --member ${p.candidates.split(' ')[0] ?? 'M001'}`,
    MEMBER_INACTIVE: (p) => `${p.member} is no longer an active member of this cell.`,
    NO_MEMBERS: () => 'No members yet. Add them one by one, or import the whole list:\n  tusoi member add "Full name"\n  tusoi member import members.csv',
    MEMBERS_REJECTED: (p) => `Nothing imported from ${p.file}: ${p.errors} bad row(s) (see above). Correct the file and import again.`,
    CSV_BAD_WORKBOOK: (p) => `${p.file}: this workbook cannot be read (${p.detail}). Open it in Excel or LibreOffice, save it again as .xlsx or "CSV UTF-8", and import that.`,
    MEMBER_NAME_TAKEN: (p) => `A member named ${p.name} already exists (code ${p.code}). If they are namesakes, add a middle name or a note to the name to tell them apart.`,
    NO_OPEN_ROUND: (p) => `No round is open. Open one:\n  tusoi round open --label ${shellWord(p.year)}`,
    ROUND_ALREADY_OPEN: (p) => `Round "${p.label}" is open; only one round can be open. Close it first:\n  tusoi round close`,
    ROUND_LABEL_TAKEN: (p) => `There is already a round "${p.label}". Choose another label, e.g.:\n  tusoi round open --label ${shellName(`${p.label} (2)`)}`,
    ROUND_NOT_FOUND: (p) => `No round "${p.label}". See the rounds:\n  tusoi round list`,
    ROUND_NOT_COLLECTING: (p) => `Round "${p.label}" merges the reports of lower units; it takes no answers directly.`,
    BAD_LABEL: (p) => `The round label "${p.label}" is not valid (empty or too long).`,
    RESPONSE_SUBMITTED: (p) => `${p.member} has already submitted in this round. To change it, the secretary reopens it:\n  tusoi response reopen --member ${shellWord(p.code)}`,
    RESPONSE_EXISTS: (p) => `${p.member} already has a response in this round. To replace it with the paper form, add --replace`,
    RESPONSE_NOT_SUBMITTED: (p) => `${p.member} has not submitted in this round; there is nothing to reopen.`,
    ANONYMOUS_NO_REPLACE: (p) => `${p.member} has taken part in this anonymous round; an anonymous response cannot be found again to be replaced.`,
    ANONYMOUS_NO_REOPEN: () => 'In an anonymous round a submitted response is linked to nobody, so it cannot be reopened.',
    ANON_WAL_PENDING: (p) => `The round is closed, but another tusoi window is reading ${p.file}, so its write-ahead log could not be emptied yet. Close those windows; the next tusoi command that writes to the file (e.g. tusoi session, tusoi round open) finishes it.`,
    ANSWERS_REJECTED: (p) => `Nothing stored from ${p.file}: ${p.errors} problem(s) (see above). Correct the file and enter it again.`,
    CSV_LEGACY_ENCODING: (p) => `${p.file} uses a legacy Vietnamese encoding (TCVN3/ABC or VNI), not Unicode. Convert it with Unikey's converter, then save it as "CSV UTF-8".`,
    CSV_MOJIBAKE: (p) => `The Vietnamese text in ${p.file} was damaged when it was saved (e.g. "Nguyá»…n"). Open the original and save it as "CSV UTF-8 (Comma delimited)".`,
    NO_ROUNDS: (p) => `No rounds yet. Open one:\n  tusoi round open --label ${shellWord(p.year)}`,
    PDF_NO_BROWSER: () => 'No Chromium browser found to print the PDF. Install Chromium (Linux: apt-get install chromium), or set TUSOI_CHROMIUM to a Chrome/Edge executable; or export HTML (--format html) and print it with Ctrl+P.',
    ROUND_NOT_MERGING: (p) => `Round "${p.label}" belongs to a cell and takes answers directly; it does not merge files. Reports are merged in the higher unit's own database (a grassroots committee or a bloc party committee), made with:\n  tusoi --db higher.sqlite init --unit-code CODE --unit-name "Committee name" --level dang-uy-co-so   # a bloc: --level khoi`,
    ROUND_CLOSED: (p) => `Round "${p.label}" is closed and takes no more files.`,
    NO_FILES: (p) => `No .csv, .txt, .xlsx or .ods file found in: ${p.paths}.`,
    MERGE_REMOVE_NOT_FOUND: (p) => `Round "${p.label}" has no merged file of unit or file name "${p.ref}". Give the unit code of the file (e.g. CB07) or its file name as it was merged.`,
    MERGE_REMOVE_COVERED: (p) => `Unit ${p.ref} has no file of its own in round "${p.label}": it is counted in ${p.file} (from ${p.unit}). To take it out, take that file out:\n  tusoi merge --remove ${shellWord(p.unit)}`,
    MERGE_REMOVE_AMBIGUOUS: (p) => `More than one merged file is named "${p.ref}" (units ${p.units}). Take one out by its unit code, e.g.:\n  tusoi merge --remove ${shellWord(p.units.split(', ')[0] ?? 'CODE')}`,
    ANONYMOUS_OPEN: (p) => `Round "${p.label}" is anonymous and still open: a report or an export now (after each turn) would reveal each person's answers. Close it first:\n  tusoi round close`,
    RESPONSE_TAKEN_OVER: ({ where, at }) =>
      where === 'web'
        ? `This form was taken over on a device at ${at}; the last answer was not saved (the earlier ones are).`
        : `This form was taken over at the laptop at ${at}; the last answer was not saved (the earlier ones are).`,
    RESPONSE_CLOSED: () => 'This response has been submitted (in another window) or the round is closed; no more answers are saved.',
    SERVE_ANONYMOUS: (p) => `Round ${p.label} is anonymous: the network form takes named rounds only for now. Use the kiosk at this computer:\n  tusoi session`,
    DB_INCOMPLETE: (p) => `${p.file} was not fully initialised (it has no unit). Delete it and make it again:\n  tusoi --db ${shellWord(p.file)} init --unit-code CODE --unit-name "Cell name"`,
    OUTPUT_IS_DATABASE: (p) => `${p.file} is the unit's database (${p.database}) or one of its companion files; tusoi never writes a report or an export over it. Choose another name with --out; the database is unchanged.`,
    OUTPUT_IS_SQLITE: (p) => `${p.file} is a SQLite database; tusoi does not write over it. Choose another name with --out; the file is unchanged.`,
    OUTPUT_NOT_FILE: (p) =>
      `${p.file} is ${{ folder: 'a folder', device: 'a device', fifo: 'a pipe (FIFO)', socket: 'a socket', other: 'a special entry' }[p.kind]}, not a regular file; tusoi does not write to it. Give a file name with --out, e.g. --out report.html.`,
    OUTPUT_NOT_REPLACED: (p) => `Nothing written: ${p.file} is unchanged. Choose another name with --out, or add --force to replace it without asking.`,
    DB_EMPTY: (p) => `${p.file} is empty or half-made (an earlier tusoi init was interrupted); it holds no data. You can delete it and make it again:\n  tusoi --db ${shellWord(p.file)} init --unit-code CODE --unit-name "Cell name"`,
    COMMITMENT_KEY_DAMAGED: (p) => `The commitment key of ${p.member} in the file has impossible values (edited by hand or damaged); their commitments cannot be opened.`,
    // Read-only use (issue 14, part 5).
    DB_READONLY_TOO_LARGE: (p) =>
      `${p.file} cannot be written here (the file or its folder is read-only) and is too large (${mb(p.size)}, at most ${mb(p.limit)}) for tusoi to read from a copy in memory. Copy it (with ${p.file}-wal, if there is one) to a folder you can write to, and run tusoi on the copy.`,
    DB_READONLY_OLD: (p) =>
      `${p.file} is read-only and was made by an older tusoi (schema ${p.version}; this one uses ${p.supported}); tusoi could not upgrade a copy in memory to read it. Copy it (with its -wal, if any) to a folder you can write to and run tusoi on the copy; the file is unchanged.`,
    DB_READONLY_WAL_UNREADABLE: (p) =>
      `Beside ${p.file} is ${p.wal}, which holds changes not yet in the main file, but tusoi cannot read it (${p.reason}); tusoi does not show the older state instead. Check ${p.wal}'s permissions, or copy both files to a folder you can write to.`,
    DB_READONLY_COPY_FAILED: (p) =>
      `${p.file} is read-only and has a -wal beside it; to read both, tusoi needs a private copy in the system's temporary folder and could not make one (${p.reason}). Copy ${p.file} and ${p.file}-wal to a folder you can write to and run tusoi on the copy.`,
    // Spreadsheets in (issue 16, parts 1 and 2).
    WORKBOOK_SHEET_NOT_FOUND: (p) => `${p.file} has no sheet "${p.sheet}". Its sheets: "${p.sheets}". Type the sheet name after --sheet again.`,
    WORKBOOK_SHEET_AMBIGUOUS: (p) => `${p.file} has several sheets holding a table: "${p.sheets}". Choose one with --sheet "<sheet name>".`,
    WORKBOOK_TOO_LARGE: (p) => `${p.file} is too large once uncompressed (${p.detail}); tusoi did not read it. It may be damaged or made large on purpose; open it in Excel or LibreOffice, keep only the table to import and save it again as .xlsx or CSV UTF-8.`,
    ANSWERS_LAYOUT: (p) =>
      p.found === 'sheet'
        ? `${p.file} is a whole cell's sheet of forms (one column per member), not one member's form. Leave out --member to enter the whole sheet.`
        : `${p.file} is one member's form (two columns: behaviour, level). Add --member <code or name> to enter it.`,
    ANSWERS_PARTICIPANTS: (p) =>
      `${p.file} has ${p.ballots} numbered ballot columns, but --participants names ${p.participants} members. Name exactly those who handed in a form (codes separated by commas, or a list file): ${p.ballots} members.`,
    ANSWERS_ALREADY_TAKEN: (p) => `Already recorded as having taken part in this round: ${p.members}. Nothing was entered; remove them from the sheet or from --participants.`,
    DEMO_STEP_FAILED: (p) => `The demo stopped at: ${p.command}. Please report this to the tusoi developers.`,
    UNITS_REJECTED: (p) => `Nothing imported from ${p.file}: ${p.errors} bad row(s) (see above). Correct the file and import again.`,
    PDF_FAILED: (p) => `The PDF could not be printed (${p.reason}). Export HTML (--format html) and print it with Ctrl+P.`,
    // Text hygiene (issue 14, part 4).
    TEXT_UNSAFE: (p) =>
      `${p.what}: ${charKind(p.kind)} ${p.char} at character ${p.position}; names, labels and codes may not hold it. Type the value again on the keyboard (such characters come with text copied from web pages, messages or other files).`,
    TEXT_TOO_LONG: (p) => `${p.what} is ${p.length.toLocaleString('en-GB')} characters long (at most ${p.limit}). Shorten it.`,
    // Rounds and the menu (issue 15, part 4).
    ROUND_CLOSE_DECLINED: (p) => `Round "${p.label}" stays open: you chose not to close it.`,
    ROUND_CHANGED: (p) => `Round "${p.label}" is no longer the open round (closed or replaced in another window); nothing was closed. See:\n  tusoi round list`,
    ROUND_NOT_CLOSED: (p) => `Round "${p.label}" is open; there is nothing to reopen.`,
    ROUND_REOPEN_EXPORTED: (p) =>
      `Round "${p.label}" cannot be reopened: its final file was exported on ${p.on}. That file may have been sent upward; changing the round now would make it wrong. To collect again, open a new round:\n  tusoi round open --label ${shellWord(`${p.label} (2)`)}`,
    ROUND_REOPEN_REPORTED: (p) =>
      `Anonymous round "${p.label}" cannot be reopened: it was ${p.kind === 'export' ? 'exported' : 'reported'} on ${p.on}, after it closed. With one more ballot, the reports before and after would differ by exactly that person's answers. To collect again, open a new round:\n  tusoi round open --anonymous --label ${shellWord(`${p.label} (2)`)}`,
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
      YAML_ALIAS: () => 'Questionnaires do not use YAML anchors (&) or aliases (*). Write the content out in place.',
      MORE_PROBLEMS: (p) => `… and ${(p.count ?? 0).toLocaleString('en-GB')} more (not listed).`,
      EMPTY_DOCUMENT: () => 'The file is empty. See the example in questionnaires/README.md.',
      UNSUPPORTED_FORMAT: (p) =>
        `"format: ${p.actual}" is not supported (this tusoi reads format: ${p.expected}). Update tusoi, or write format: ${p.expected}.`,
      WRONG_TYPE: (p) => `${p.key ? `"${p.key}" must be` : 'Expected'} ${type(p.expected)}, but this is ${type(p.actual)}.${p.expected === 'string' && p.actual === 'number' ? ' Put the value in double quotes, e.g. "2026.1".' : ''}`,
      MISSING_FIELD: (p) => `The required key "${p.key}" is missing. Add "${p.key}: …" here.`,
      UNKNOWN_KEY: (p) => `Unknown key "${p.key}".${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ' Remove it, or see the format in questionnaires/README.md.'}`,
      EMPTY_TEXT: (p) => `"${p.key}" is empty. Fill it in.`,
      TEXT_TOO_LONG: (p) => `"${p.key}" is ${p.count} characters long (at most ${p.limit}). Shorten it.`,
      NOT_NFC: (p) =>
        `The text in "${p.key}" is not in composed Unicode (NFC), usually from typing in "Unicode tổ hợp" mode. Fix it automatically:\n  tusoi questionnaire validate --fix FILE`,
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
      // Text hygiene (issue 14, part 4).
      UNSAFE_CHARACTER: (p) =>
        `"${p.key}" holds ${charKind(p.kind)} ${p.actual} at character ${p.position}. Delete it (an editor that shows hidden characters, such as VS Code, reveals it) and validate again; texts may hold line breaks only.`,
    },
    summary: (file, e, w) => `${file}: ${e} error(s), ${w} warning(s).`,
    valid: (file, counts, sha) => `${file}: valid — ${counts}; sha256 ${sha}`,
    fixed: (file) => `${file}: text normalised to NFC and the file rewritten.`,
  },
  // Spreadsheets in (issue 16, parts 1 and 2).
  sheets: {
    where: (file, sheet, line, column) => `${file}, sheet "${sheet}"${line > 0 ? `, row ${line}` : ''}${column === undefined ? '' : `, column ${column}`}`,
    formEntered: (who, answers, blanks) => `  ${who}: ${answers} answers${blanks > 0 ? `, ${blanks} blank cells taken as "none"` : ''}`,
    sheetEntered: (file, forms, anonymous) => `Entered ${forms} forms from ${file}${anonymous ? " into the round's anonymous tallies (no one's form is stored)" : ''}; the forms are submitted and locked.`,
    namedReminder: (file) => `Note: ${file} holds each member's answers by name. Now that it is entered, delete it (and any printout).`,
    templateWritten: (file, columns, anonymous) => `Wrote ${file}: ${columns} ${anonymous ? 'numbered ballot' : 'member'} columns, readable by its owner only. Fill in a level (1, 2, 3 or its label) in each cell, then:\n  tusoi answer --answers ${shellWord(file)}`,
    behaviourHeader: 'Behaviour id',
    textHeader: 'Text',
    ballotHeader: (n) => `Ballot ${n}`,
    allForms: 'The whole sheet (anonymous round: no column on its own)',
    help: {
      sheet: 'the sheet to read in an .xlsx/.ods file (default: the one with the expected header)',
      sheetName: 'sheet-name',
      blankIsNone: 'a blank cell of a sheet of forms is the "none" level (as the paper form leaves it blank)',
      participants: 'anonymous round, sheet of numbered ballot columns: who handed in a form (codes separated by commas, or a list file)',
      participantsArg: 'codes|file',
      template: 'write the blank sheet of forms for the open round (.csv, .xlsx or .ods) to fill in or print',
    },
  },
  csv: {
    messages: {
      CSV_SYNTAX: (p) => `This row cannot be read (${p.detail}). Check the quotes and the number of columns.`,
      CSV_NO_HEADER: (p) => `No header row recognised. The first row must have ${p.expected}.`,
      CSV_EMPTY_FILE: () => 'The file has no data rows.',
      CSV_EMPTY_VALUE: (p) => `The column "${p.column}" is empty.`,
      CSV_BAD_CODE: (p) => `The code "${p.value}" is not valid (unaccented letters, digits, . - _, at most 32 characters).`,
      CSV_DUPLICATE_CODE: (p) => `The code "${p.value}" appears twice (first on line ${p.firstLine}).`,
      CSV_CODE_TAKEN: (p) =>
        `The code "${p.value}" already belongs to ${p.name}. If this is someone else, change the code or remove this row; if it is the same person under a new name, rename first, then import again:\n  tusoi member rename ${shellWord(p.value ?? 'CODE')} "New name"`,
      CSV_UNKNOWN_BEHAVIOUR: (p) => `The round's questionnaire has no behaviour "${p.value}".`,
      CSV_UNKNOWN_LEVEL: (p) => `"${p.value}" is not a level; use one of: ${p.expected}.`,
      CSV_DUPLICATE_BEHAVIOUR: (p) => `The behaviour "${p.value}" was already answered on line ${p.firstLine}.`,
      CSV_MISSING_BEHAVIOURS: (p) => `${p.count} behaviour(s) missing: ${p.list}. A form must answer every behaviour.`,
      CSV_LEGACY_ENCODING: () => 'The file uses a legacy Vietnamese encoding (TCVN3/ABC or VNI), not Unicode. Convert it with Unikey\'s converter, then save it as "CSV UTF-8".',
      CSV_MOJIBAKE: () => 'The Vietnamese text in the file was damaged when it was saved (e.g. "Nguyá»…n"). Open the original and save it as "CSV UTF-8 (Comma delimited)".',
      EXPORT_NOT_TUSOI: (p) => `Not a tusoi export (no column ${p.column}). Send the file that "tusoi export" wrote.`,
      EXPORT_FORMAT_NEWER: (p) => `The file is in format ${p.value}, newer than this tusoi reads (${p.expected}). Update tusoi.`,
      EXPORT_TRUNCATED: (p) => `A row is cut or has missing columns (${p.value}, expected ${p.expected}). The file may have been damaged in transit; ask the unit to send it again.`,
      EXPORT_INCONSISTENT: (p) => `Column "${p.column}" differs from the first row ("${p.value}"); the file was joined or edited by hand. Ask the unit to export again.`,
      EXPORT_BAD_NUMBER: (p) => `Column "${p.column}": "${p.value}" is not a whole number of zero or more.`,
      EXPORT_BAD_ROW_TYPE: (p) => `"${p.value}" is not a row type.`,
      EXPORT_DUPLICATE_ITEM: (p) => `The item "${p.value}" appears twice (line ${p.firstLine}).`,
      EXPORT_NUMERIC_UNIT_CODE: (p) => `The unit code "${p.value}" is all digits: Excel may have dropped its leading zeros. Not merged, to avoid mixing up units; ask the unit for the original file (not opened and re-saved in Excel).`,
      EXPORT_INTEGRITY: () => 'The integrity value does not match: figures in the file were changed or damaged after export. Ask the unit to export and send it again.',
      EXPORT_ARITHMETIC: (p) => `The figures do not add up: ${p.detail}.`,
      EXPORT_LEGACY_ENCODING: () => 'The file uses a legacy Vietnamese encoding (TCVN3/VNI). Ask the unit to export it again with tusoi.',
      EXPORT_MOJIBAKE: () => 'The Vietnamese text in the file was damaged by a re-save. Ask the unit for the original file.',
      EXPORT_EMPTY: () => 'The file is empty.',
      EXPORT_SYNTAX: (p) => `This row cannot be read (${p.detail}): its quotes are broken. The file was damaged or edited by hand; ask the unit to export it again.`,
      CSV_WORKBOOK: (p) => `This is ${format(p.format)}, not a CSV file. Open it in Excel or LibreOffice, choose "Save As" "CSV UTF-8 (Comma delimited)" and use that .csv file.`,
      CSV_NOT_TEXT: (p) => `This is ${format(p.format)}, not a CSV table. Check that it is the right file.`,
      EXPORT_WORKBOOK: (p) => `This is ${format(p.format)}, not a tusoi export (it was opened and saved as a spreadsheet). Ask the unit for the .csv file tusoi export made.`,
      EXPORT_NOT_TEXT: (p) => `This is ${format(p.format)}, not a tusoi export. Ask the unit for the .csv file tusoi export made.`,
      FILE_NOT_REGULAR: (p) => `This is ${notRegular[p.kind as keyof typeof notRegular] ?? notRegular.other}, not a regular file; not read.`,
      FILE_TOO_LARGE: (p) => `Too large (${mb(p.count ?? 0)}, at most ${mb(p.limit ?? 0)}); not read. A cell's export is about 30 KB.`,
      MORE_PROBLEMS: (p) => `… and ${(p.count ?? 0).toLocaleString('en-GB')} more (not listed).`,
      // Member lists as offices keep them (issue 15, part 3).
      CSV_HEADER_ROW: (p) => `This row repeats the header row (line ${p.firstLine}); it is not a member. Delete it and import again.`,
      CSV_SEPARATOR_ROW: (p) => `This row holds only separators ("${p.value}"); it is not a member. Delete it and import again.`,
      CSV_BAD_WORKBOOK: (p) => `This workbook cannot be read (${p.detail}). Open it in Excel or LibreOffice, save it again as .xlsx or "CSV UTF-8", and import that.`,
      CSV_NUMERIC_MEMBER_CODE: (p) =>
        `The code "${p.value}" is digits only: Excel drops leading zeros when it re-saves the file (0123 becomes 123). Imported; a code with letters is safer, e.g. CB03-${p.value}.`,
      // Text hygiene (issue 14, part 4).
      CSV_UNSAFE_TEXT: (p) => `Column "${p.column}": ${charKind(p.kind)} ${p.value} at character ${p.position}. Type this cell again in the file (do not paste it from elsewhere) and import again.`,
      CSV_TEXT_TOO_LONG: (p) => `Column "${p.column}" is ${(p.count ?? 0).toLocaleString('en-GB')} characters long (at most ${p.limit}). Shorten the cell and import again.`,
      EXPORT_UNSAFE_TEXT: (p) =>
        `Column "${p.column}": ${charKind(p.kind)} ${p.value} at character ${p.position}; a code or label is never cleaned into another one, so the file is not merged. It was edited by hand or damaged; ask the unit to export again.`,
      EXPORT_TEXT_TOO_LONG: (p) => `Column "${p.column}" is ${(p.count ?? 0).toLocaleString('en-GB')} characters long (at most ${p.limit}). The file was edited by hand or damaged; ask the unit to export again.`,
      EXPORT_TEXT_CLEANED: (p) => `Warning: the unit name (column "${p.column}") held ${charKind(p.kind)} ${p.value} at character ${p.position}; such characters were removed from the name and the file merged.`,
      EXPORT_TEXT_TRUNCATED: (p) => `Warning: the unit name (column "${p.column}") is ${(p.count ?? 0).toLocaleString('en-GB')} characters long; only its first ${p.limit} were kept and the file merged.`,
      // Spreadsheets in (issue 16, parts 1 and 2).
      EXPORT_RESAVED_VALUE: (p) =>
        `Column "${p.column}": re-saving as a workbook turned the text into the ${p.kind === 'date' ? 'date' : 'number'} ${p.value}; the original cannot be told back (2026.10 becomes 2026.1, for one). Not merged; ask the unit for the .csv file its tusoi made with the export command.`,
      SHEET_BAD_LEVEL: (p) => `Cell ${p.column} (${p.name}): "${p.value}" is not a level. Write ${p.expected}.`,
      SHEET_BLANK: (p) => `Cell ${p.column} (${p.name}) is blank. Fill in a level, or add --blank-is-none if a blank means "none".`,
      SHEET_UNKNOWN_MEMBER: (p) => `Column ${p.column}: "${p.value}" is not the code or exact name of an active member. Correct the column header to the member's code.`,
      SHEET_DUPLICATE_MEMBER: (p) => `Column ${p.column}: ${p.name} already has column ${p.value}. One column per member.`,
      SHEET_NO_COLUMNS: () => 'The sheet has no member or ballot column: after the behaviour id (and one text column), each column is headed by a member code or a ballot number.',
      SHEET_MIXED_COLUMNS: (p) => `Column ${p.column}: the sheet mixes member columns and numbered ballot columns. Use one kind for the whole sheet.`,
      // Every file checked in full before it counts (issue 17, part 4).
      EXPORT_BAD_UNIT_CODE: (p) =>
        `Column "${p.column}": the unit code "${p.value}" is not valid (unaccented letters, digits, dots and hyphens, at least one letter, as init requires). Empty codes, spaces, full-width or Cyrillic look-alike letters are refused; the file is not merged.`,
      EXPORT_OVERALL_ROWS: (p) =>
        p.count === 0
          ? 'The file has no "overall" row; it was edited or damaged and is not merged. Ask the unit to export again.'
          : p.value !== undefined
            ? `The "overall" row has the id "${p.value}" instead of "overall"; not merged. Ask the unit to export again.`
            : `The file has ${p.count} "overall" rows (the first on line ${p.firstLine}); it must have exactly one. Not merged; ask the unit to export again.`,
      EXPORT_ROLLUP: (p) =>
        p.kind === 'min'
          ? `Item "${p.value}": only ${p.count} at this level or more severe, fewer than its part "${p.name}" (${p.limit}); each respondent counts at their most severe answer, so it cannot be fewer. The figures were edited; not merged.`
          : `Item "${p.value}": ${p.count} at this level or more severe, more than all its parts together (${p.limit}). The figures were edited; not merged.`,
      EXPORT_BAD_TIME: (p) => `Column "${p.column}": "${p.value}" is not a time of the form ${p.expected}; the file was edited and is not merged. Ask the unit to export again.`,
      EXPORT_FUTURE_TIME: (p) => `Column "${p.column}": the export time ${p.value} is more than a day after this merge (after ${p.expected}); not merged. Ask the unit to check its computer's clock and export again.`,
      EXPORT_SIGNATURE: (p) =>
        p.kind === 'key'
          ? `Column "${p.column}": the file's public key cannot be read; the file was edited or damaged and is not merged. Ask the unit to export again.`
          : `The file's signature (key ${p.value}) does not match its content: it was changed after the unit signed it and is not merged. Ask the unit to export and send it again.`,
      EXPORT_UNSIGNED: (p) => `Warning: the file of unit ${p.value} is not signed (an older tusoi, or a database without a key yet); merged, as the unit has no key yet. Ask the unit to upgrade tusoi; merge with --require-signature to refuse unsigned files.`,
      CSV_BAD_FINGERPRINT: (p) => `Column "${p.column}": "${p.value}" is not a key fingerprint (four groups of four characters, e.g. 7K3M-Q9XA-2HBT-W6PD). Fix the cell and import again.`,
    },
    rejected: (file, n) => `${file}: ${n} problem(s).`,
  },
  db: {
    created: (file, unit) => `Created ${file} for ${unit} (readable by its owner only).`,
    next: 'Next: add members (one by one, or import the whole list), then open a round:\n  tusoi member add "Full name"\n  tusoi member import members.csv\n  tusoi round open',
  },
  members: {
    added: (n) => `Added ${n} member(s).`,
    addedOne: (code, name) => `  + ${code}  ${name}`,
    conflict: (code, name) => `The code ${code} already belongs to ${name}. Use another code.`,
    none: 'No members yet. Add one:\n  tusoi member add "Full name"',
    header: (n) => `${n} member(s)`,
    inactive: '(inactive)',
    removed: (name, code) => `Removed ${code} ${name}.`,
    deactivated: (name, code) => `${code} ${name} has answers, so is only marked inactive; the data is kept.`,
    which: 'Who are you? (type your name, diacritics optional)',
    searchHint: 'type to search, ↑↓ to choose, ⏎ to confirm',
  },
  rounds: {
    opened: (label, q, anonymous) => `Opened round "${label}" with the questionnaire ${q}${anonymous ? ' (anonymous)' : ''}.`,
    closed: (label) => `Closed round "${label}"; its answers are locked.`,
    none: 'No rounds yet. Open one:\n  tusoi round open',
    open: 'open',
    closedOn: (day) => `closed ${day}`,
    anonymous: 'anonymous',
    named: 'named',
    merge: 'merges reports',
  },
  interview: {
    who: 'Choose your name',
    confirmWho: (name, code) => `Are you ${name} (${code})?`,
    notYou: 'Please choose again.',
    group: (id, text) => `Group ${id}: ${text}`,
    manifestation: (id, i, n) => `Manifestation ${id} (${i}/${n})`,
    question: (i, n, id) => `Question ${i}/${n} · ${id}`,
    levelPrompt: 'How often does this apply to you?',
    back: '← Previous question',
    toReview: '☰ Review and submit',
    keysHelp: 'digits or ↑↓ to choose, ⏎ to confirm',
    saved: (id, level, a, n) => `✓ Saved ${id}: ${level} · ${a} of ${n} answered`,
    reviewTitle: (a, n) => `Review before submitting — ${a}/${n} answered`,
    reviewNone: 'You answered "Never" to every behaviour.',
    reviewFlagged: (n) => `${n} behaviour(s) you marked occasionally or frequently (choose one to change it):`,
    reviewMissing: (n) => `${n} question(s) still unanswered; answer them all to submit.`,
    reviewPrompt: 'Choose:',
    submit: '✔ Submit (it cannot be changed afterwards)',
    continueAnswering: '↩ Answer the remaining questions',
    confirmSubmit: 'Submit now?',
    submitted: (name) => `Submitted for ${name}. Thank you.`,
    yes: 'Yes',
    no: 'No',
    resumed: (a, n) => `Resuming where you stopped: ${a}/${n} answers saved.`,
    paused: (a, n, cmd) => `${a}/${n} answers saved; not submitted. To continue:\n  ${cmd}`,
    anonymousCode: (code) => `Your resume code: ${code} — needed only to continue after an interruption; nobody sees it after your turn.`,
    anonymousNotice: 'Anonymous round: your answers are not linked to your name; only your taking part is recorded.',
    askCode: 'Enter the resume code shown on screen (leave empty to start again):',
    codeWrong: 'Wrong code. Try again, or leave it empty to start again.',
    startOver: 'Starting a new response.',
    paperEntered: (name, n) => `Entered the paper form of ${name}: ${n} answers, submitted and locked.`,
    reopened: (name, code) => `Reopened the response of ${name}; they can change it and submit again:\n  tusoi answer --member ${shellWord(code)}`,
  },
  session: {
    title: (unit, round) => `Self-examination session — ${unit} — round ${round}`,
    pick: 'Please choose your name (type to search, diacritics optional):',
    allDone: 'Every member has submitted.',
    handOver: 'Done. Next member, please.',
    pressEnter: 'Press Enter to continue',
    remaining: (n) => `${n} member(s) still to submit.`,
  },
  // interview-session (issue 15): the interview and the kiosk without traps.
  flow: {
    nothingChosen: 'No level chosen: press 1, 2 or 3 (or ↑↓), then ⏎.',
    skippedRest: (n) => `Skipped the remaining ${n} behaviour(s).`,
    dueInvalid: (text) => `"${text}" is not a real date. Write day/month/year (30/6/2027) or month/year (6/2027); Enter to skip.`,
    noMatch: (term) => `No member still to submit matches "${term}" (those who submitted are no longer listed). Delete some letters to search again.`,
    pickHint: 'type to search, ↑↓ to choose, ⏎ to confirm · secretary: Ctrl+C ends the session',
    confirmEnd: 'End the session? (for the secretary)',
    ended: (s, n) => `Session ended: ${s}/${n} submitted.`,
    turnPaused: (a, n) => `Turn stopped: ${a}/${n} answers saved, NOT submitted. To continue, choose your name again.`,
    roundClosed: (label) => `Round ${label} was closed elsewhere (tusoi round close); the session stops and takes no more answers.`,
  },
  // Signed exports and pinned keys (issue 17).
  keys: {
    keyHelp: "print the fingerprint of the unit's signing key (to read to the unit above over the phone)",
    trustHelp: "confirm the key of a unit below by the fingerprint it read over the phone",
    trustCode: 'the code of the unit below',
    trustFingerprint: 'the fingerprint, four groups of four characters (e.g. 7K3M-Q9XA-2HBT-W6PD)',
    fingerprintPlaceholder: 'fingerprint',
    trustExamples: [['tusoi unit trust CB03 7K3M-Q9XA-2HBT-W6PD', 'after CB03 read its fingerprint over the phone']],
    requireSignature: 'refuse every unsigned file, even of units with no key yet',
    fingerprint: (code, fp) => `Fingerprint of ${code}'s signing key: ${fp}`,
    readAloud: (code, fp) => `Read it to the unit above over the phone; they confirm it with:\n  tusoi unit trust ${code} ${fp}`,
    noKey: 'This database has no signing key yet (it is open read-only). Open it once where it can be written (e.g. copy it to your own folder) to make one.',
    statusLine: (fp) => `Signing key: ${fp}`,
    pinned: (fp, v) => `key ${fp} (${v ? 'verified' : 'not verified'})`,
    unsignedOnly: 'unsigned files only',
    notVerifiedUnits: (codes) => `Keys not verified (phone for the fingerprint, then use the unit trust command): ${codes}`,
    unsignedOnlyUnits: (codes) => `Units that sent unsigned files only: ${codes}`,
    confirmed: (code, fp) => `Confirmed the key of ${code}: ${fp}.`,
    trusted: (code, fp, prev) => (prev ? `Recorded the key ${fp} for ${code}, in place of ${prev}.` : `Recorded the key ${fp} for ${code}.`),
    removed: (file, round) => `  − ${file} (round ${round}): taken out, signed by the old key`,
    exportUnsigned: 'Warning: the export is not signed, as the database has no key yet (it is open read-only). Open it once where it can be written and export again.',
  },
  status: {
    unit: (code, name, level) => `${name} (${code}, ${level})`,
    round: (label, anonymous, open) => `Round ${label}${anonymous ? ' · anonymous' : ''}${open ? ' · open' : ' · closed'}`,
    noRound: 'No round is open. Open one:\n  tusoi round open',
    counts: (m, s, p, n) => `${m} members: ${s} submitted, ${p} in progress, ${n} not started.`,
    submitted: 'Submitted',
    inProgress: 'In progress',
    notStarted: 'Not started',
  },
  report: {
    title: 'SELF-EXAMINATION, SELF-CORRECTION: SUMMARY OF RESULTS',
    unit: (name, code) => `${name} (${code})`,
    round: (label, anonymous, open) => `Round ${label}${anonymous ? ' · anonymous' : ''}${open ? ' · open (provisional figures)' : ''}`,
    questionnaire: (id, version, sha) => `Questionnaire ${id} version ${version} (sha256 ${sha})`,
    date: (day) => `Date: ${day}`,
    participation: (r, m, pct) => `Participation: ${r}/${m} members (${pct}%)`,
    overall: 'Overall (members with at least one behaviour)',
    byGroup: 'By group',
    byManifestation: 'By the 27 manifestations',
    manifestationNote: 'Members showing at least one behaviour of the manifestation occasionally / frequently (each member counted at their highest level).',
    topBehaviours: 'Most reported behaviours (for discussion)',
    topNote: 'Ranked by the number of members reporting them occasionally or frequently.',
    compareTitle: (label) => `Compared with round ${label}`,
    compareNote: (b, a) => `Members reporting occasionally or frequently (${b} respondents before, ${a} now).`,
    compareDifferent: (shared, ob, oa) => `The two rounds used different questionnaires: only the ${shared} behaviours with the same id are compared (${ob} only before, ${oa} only now); manifestations are not compared.`,
    compareColumns: ['Id', 'Before', 'Now', 'Change'],
    compareBiggest: 'Behaviours that changed most',
    measuresTitle: "The cell's corrective measures",
    measureDone: 'done',
    hiddenBehaviours: (n, mark) => `${n} other behaviour(s) with hidden counts (${mark}).`,
    allBehaviours: 'All behaviours',
    noneReported: 'No member reported any behaviour occasionally or frequently.',
    noRespondents: 'No response has been submitted yet.',
    suppressed: (k) => `Counts from 1 to ${k - 1} are hidden ("<${k}") to protect respondents; some other cells are hidden too so they cannot be worked out.`,
    provisional: 'PROVISIONAL FIGURES — the round is still open',
    id: 'Id',
    content: 'Content',
    unverifiedMark: '* wording not yet fully checked against the official text',
    chartTitle: 'Share of members by their highest level, per manifestation',
    units: 'Units',
    unitTable: 'By unit',
    memberCount: 'Members',
    respondentCount: 'Submitted',
    participationShort: 'Participation',
    mostReported: 'Most reported manifestations',
    written: (file) => `Report written: ${file}`,
  },
  merge: {
    progress: (d, n) => `Merging ${d}/${n} files…`,
    accepted: (file, unit) => `  + ${file}: merged (${unit})`,
    skipped: (file, previous) => `  = ${file}: already merged (${previous}), skipped`,
    older: (file, newer) => `  = ${file}: an older provisional export than ${newer}, already merged; skipped`,
    replaced: (file, previous) => `  ~ ${file}: replaces ${previous}`,
    removed: (file, unit) => `  − ${file}: taken out of the round (${unit})`,
    rejected: (file) => `  ✗ ${file}: not merged`,
    summary: (a, s, r, x) => `Merged ${a} file(s), skipped ${s} already merged, replaced ${r}, rejected ${x}.`,
    reasons: {
      MERGE_ROUND_MISMATCH: ({ fileRound: f, round: r }) => `the file is for round "${f}"; the round being merged is "${r}". Ask the unit to export the right round, or open round "${f}".`,
      MERGE_QUESTIONNAIRE_MISMATCH: ({ id, version: v, sha256: sha, expected: e }) => `the file was made with another questionnaire (${id} ${v}, sha256 ${sha.slice(0, 12)}…); this round uses ${e}. Units must use the questionnaire their higher committee sent.`,
      MERGE_ITEMS_MISMATCH: ({ detail: d }) => `the items in the file do not match the questionnaire (${d}).`,
      MERGE_OWN_UNIT: ({ unit: u }) => `the file holds figures of this unit itself (${u}); a unit does not merge itself.`,
      MERGE_CONFLICT: ({ unit: u, previous: p }) => `unit ${u} already has another file in this round (${p}) with other figures. If the new file is right, merge it again with --replace.`,
      MERGE_PROVISIONAL_AFTER_FINAL: ({ unit: u, previous: p }) => `this is a provisional export, but unit ${u} already has a final one (${p}).`,
      MERGE_DOUBLE_COUNTED: ({ unit: u, previous: p, previousUnit: pu }) => `unit ${u} is already counted in ${p} (from ${pu}); merging this would count it twice. If this file is to take its place, take that one out first, then merge again:\n  tusoi merge --remove ${shellWord(pu)}`,
      MERGE_ROUND_CLOSED: ({ round: r }) => `round "${r}" was closed (tusoi round close) while merging, so this file was not merged; the files merged before it stay.`,
      // Signed exports and pinned keys (issue 17).
      MERGE_KEY_MISMATCH: ({ unit: u, pinned: p, got: g, verified: v }) =>
        `the file of unit ${u} is signed by the key ${g}, not the key recorded for ${u} (${p}${v ? ', verified' : ', not verified'}). Either may be the genuine one: phone the unit and have them read their fingerprint (the unit key command); if it is ${g}, confirm that key, then merge again:\n  tusoi unit trust ${u} ${g}`,
      MERGE_UNSIGNED_PINNED: ({ unit: u, pinned: p }) => `the file is not signed, but unit ${u} has a key (${p}); its unsigned files are not merged. Ask the unit to upgrade tusoi and export again.`,
      MERGE_UNSIGNED_REFUSED: ({ unit: u }) => `the file of unit ${u} is not signed, and this merge has --require-signature. Ask the unit to upgrade tusoi and export again.`,
      MERGE_NOT_VOUCHED: ({ unit: u, signer: s }) => `the file of ${s} holds figures of unit ${u}, which is not under ${s} in the unit list; not merged. Check the unit list (the unit list command) or ask ${u} to send its own file.`,
    },
  },
  units: {
    levelNames: { 'chi-bo': 'party cells', 'dang-uy-co-so': 'grassroots committees', 'dang-bo-co-so': 'grassroots organisations', khoi: 'bloc committees' },
    imported: (a, n, file) => `Recorded ${n} expected unit(s) from ${file} (${a} new).`,
    coverage: (r, e, pct, level) => `${r}/${e} ${level} reported (${pct}%)`,
    missing: 'Not yet reported',
    unexpected: 'Reported but not on the list of expected units',
    noExpected: 'No list of expected units yet. Import one:\n  tusoi unit import units.csv',
    files: (n) => `${n} file(s) merged`,
    provisional: 'provisional',
  },
  home: {
    title: (db) => `tusoi — self-examination, self-correction · database: ${db}`,
    prompt: 'What would you like to do?',
    items: {
      session: 'Start the meeting: members answer in turn',
      answer: 'One member self-assesses',
      status: 'Round status: who has submitted, who has not',
      report: 'The summary report',
      export: 'Export the file to send upward',
      merge: 'Merge the files of lower units',
      members: 'The member list',
      rounds: 'Rounds',
      help: 'Help',
      quit: 'Quit',
    },
    membersMenu: { list: 'Show the list', add: 'Add members', import: 'Import from a CSV file', back: '← Back' },
    roundsMenu: { list: 'Show the rounds', open: 'Open a new round', close: 'Close the open round', back: '← Back' },
    running: (cmd) => `→ ${cmd}`,
    askPath: 'File or folder to merge:',
    askNames: 'Full names (separate several with commas):',
    askFile: 'Path of the CSV file:',
    askLabel: (year) => `Round label (Enter: ${year}):`,
    back: 'Press Enter to return to the menu',
  },
  demo: {
    intro: (dir, c, n) => `A demo of tusoi: a bloc party committee with 2 grassroots committees and 3 cells reporting directly — ${c} cells, ${n} members — in ${dir}`,
    cellStep: (code, members, answered, exported) =>
      `  · ${code}: ${members} members, ${answered} forms${exported ? '; round closed and exported' : '; round still open (not sent)'}`,
    committeeStep: (code, cells) => `  · ${code}: merged the files of ${cells} cells and sent its own to the bloc`,
    cellsDone: (e, missing) => `✓ ${e} cells answered, closed the round and exported; cell ${missing} has not sent its file.`,
    committeesDone: '✓ 2 grassroots committees merged their cells and sent their own export to the bloc.',
    blocDone: '✓ The bloc committee merged every file it received.',
    committeeName: (code) => `Đảng ủy cơ sở ${code === 'DU01' ? 'Sở Nội vụ' : 'Sở Tài chính'}`,
    blocName: 'Đảng ủy Khối các cơ quan tỉnh',
    files: (dir, bloc, html, sent, cells) =>
      `Files made (in ${dir}):
  the bloc's database: ${bloc}
  the printable report (HTML): ${html}
  the files units sent up: ${sent}
  the cells' databases: ${cells}`,
    next: (bloc, cell) =>
      `Try next (each line pastes into a shell):
  tusoi --db ${bloc} status --json
  tusoi --db ${bloc} report --suppress-below 5 --lang en
  tusoi --db ${bloc} report --format pdf --lang en   # needs Chromium
  tusoi --db ${cell} session --lang en   # a cell with its round still open: members answer
  tusoi --help --lang en`,
  },
  files: {
    notRegular,
    formats,
    ignored: (file, reason) =>
      `  · ${file}: ignored (${{ hidden: 'a hidden file', 'not-a-table': 'not a .csv or .txt file', symlink: 'a symbolic link; to merge it, name the file it points to', 'not-a-file': 'not a regular file' }[reason]})`,
  },
  measures: {
    added: (id, round) => `Added measure ${id} to round ${round}. It appears in the cell's report.`,
    none: 'No measures yet. Add one:\n  tusoi measure add "what the cell will do" --behaviour TT4.3',
    done: (id) => `Marked measure ${id} as done.`,
  },
  commitments: {
    intro: (n) => `Self-correction: you marked ${n} behaviour(s) occasionally or frequently. For each, you may write what you will do to correct it and by when (optional: Enter skips). Commitments are never exported or put in a report.`,
    behaviour: (id, level, text) => `${id} [${level}] ${text}`,
    ask: 'What will you do to correct it? (Enter: skip; Esc: skip all)',
    askKeep: (current) => `What will you do to correct it? (Enter: keep "${current}"; type - to delete; Esc: skip all)`,
    due: 'By when? (day/month/year as 30/6/2027, or month/year as 6/2027; Enter: skip)',
    saved: (id) => `✓ Commitment saved for ${id}`,
    removed: (id) => `✓ Commitment removed for ${id}`,
    done: (n, code) => `${n} commitment(s) saved. To see or change them later:\n  tusoi answer --member ${shellWord(code)}`,
    reviewTitle: (round) => `Your response for round ${round} is submitted. You can see and update your self-correction commitments.`,
    followIntro: (round, n) => `Before you start: in round ${round} you made ${n} commitment(s). How far did you carry them out?`,
    followItem: (round, id, text, action, due) => `Round ${round} · ${id}: ${text}\n  Commitment: ${action}${due ? ` (by ${due})` : ''}`,
    followAsk: 'Was it carried out?',
    outcomes: { done: 'Done', partly: 'Partly done', not_done: 'Not done' },
    followSaved: '✓ Noted',
  },
  // --- commit-crypto (issue 13, part 4) ---
  commitmentSecret: {
    privacy: (unlocked) =>
      `The text of your commitments, and the behaviour and level each one answers, are encrypted with your secret: neither the next person at this computer nor whoever holds the file (the secretary) can read them. Whoever holds the file sees only how many commitments you have, their deadlines, and whether each was done. Note: the answers of a named response stay in the file under your name; and in a named round, whoever picks your name on this computer can resume your unsubmitted response and read its answers.` +
      (unlocked ? '' : ` At your first commitment tusoi gives you a secret, shown once. Tusoi does not keep it and nobody can recover it: a lost secret loses the text of your commitments.`),
    newSecret: (secret) => `Your commitment secret:  ${secret}\nWrite it down and keep it to yourself. It is shown only now; a lost secret loses your commitments' text. At the next round tusoi asks for it so you can see and assess your commitments.`,
    retype: 'Type the secret again to confirm you wrote it down:',
    retypeWrong: (secret) => `That does not match. The secret is:  ${secret}`,
    noted: '✓ Secret confirmed; the screen has been cleared.',
    ask: 'Commitment secret (XXXX-XXXX-XXXX; Enter: skip):',
    wrong: 'Wrong secret. Try again, or press Enter to skip.',
    malformed: 'The secret has 12 characters (capital letters and digits, XXXX-XXXX-XXXX). Try again, or press Enter to skip.',
    accented: 'The secret has only unaccented letters and digits: turn off the Vietnamese input method (Unikey, EVKey…) and type it again.',
    needSecret: 'Your commitments are locked with your secret. Type it to write or change commitments.',
    skipped: 'No secret: tusoi shows nothing of the response or the commitments.',
    followLocked: (n) => `Before you start: you have ${n} commitment(s) to assess, locked with your secret. Type it to see them.`,
    followSkipped: 'Skipped: you will be asked about these commitments next time. If the secret is lost, nobody can read them again.',
    unsealedIntro: (n) => `You have ${n} commitment(s) written with an earlier tusoi, not locked. Tusoi locks them now with a new secret and erases the unlocked copy.`,
    unsealedDone: (n) => `✓ ${n} earlier commitment(s) locked with your secret; the unlocked copy is erased from the file.`,
    noSecret: (member, round, code) =>
      `${member}'s response for round ${round} is submitted. A submitted response's answers and commitments open again only with the commitment secret, which you do not have (you made no commitment), so tusoi shows nothing. To make commitments: the secretary reopens the response, you submit it again, then write them. The secretary reopens it with:\n  tusoi response reopen --member ${shellWord(code)}`,
  },
  // --- end commit-crypto ---
  outputFile: {
    replaced: (file) => `Replaced the existing file: ${file}`,
    confirmReplace: (file) => `${file} already exists. Replace it?`,
  },
  exported: {
    written: (file, rows) => `Exported ${rows} rows: ${file} (readable by its owner only). Send this file upward; it holds no member names.`,
    provisional: (label) => `Warning: round "${label}" is still open, so the file is marked PROVISIONAL; an export made after closing the round replaces it when merged.`,
  },
  // Member lists as offices keep them (issue 15, part 3).
  memberLists: {
    skipped: (reason, p) => {
      const why = {
        'same-code': 'already on the list, skipped.',
        'same-name': `a member with the same name exists, skipped. If this is someone else, add them with their own code:\n    tusoi member add ${shellName(p.name)} --code CODE`,
        'repeated-name': `the name is repeated${p.firstLine === undefined ? '' : ` (first on line ${p.firstLine})`}, added once. If they are namesakes, give each a code.`,
        'leading-zeros': `already on the list as ${p.listed}; the code ${p.code ?? ''} differs only by leading zeros, probably an Excel re-save. Skipped.`,
        namesake: `a member with the same name exists as ${p.listed}, skipped. If this is someone else, add them:\n    tusoi member add ${shellName(p.name)} --code ${shellWord(p.code ?? 'CODE')}`,
      }[reason];
      return `= ${p.listed}  ${p.name}: ${why}`;
    },
    numericCode: (code) => `Warning: the code "${code}" is digits only: Excel drops leading zeros when it re-saves a member list. A code with letters is safer, e.g. CB03-${code}.`,
    imported: (added, skipped, warnings, file, origin) =>
      `Imported ${added} member(s) from ${file} (${origin}); ${skipped} row(s) skipped${warnings > 0 ? `; ${warnings} warning(s)` : ''}.`,
    sheet: (name) => `sheet "${name}"`,
    renamed: (code, from, to) => `Renamed ${code}: ${from} → ${to}.`,
    unchanged: (code, name) => `${code} is already named ${name}; nothing changed.`,
    help: {
      summary: 'rename a member (the code and answers stay)',
      member: 'code or current name (diacritics optional)',
      name: 'the new full name (in double quotes)',
      examples: [['tusoi member rename M003 "Lê Thị Hồng Nhung"', 'correct the name of M003; code and answers unchanged']],
    },
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
    invalidInList: (file, e) => `${file}: invalid (${e} error(s)); details:\n  tusoi questionnaire validate ${shellWord(file)}`,
  },
  // --- anon-store (issue 13) ---
  anonymousBallot: {
    confirmStartOver: (n) => `Starting again discards your unfinished response at once (${n} saved answer(s) will be lost). Start again?`,
    confirmStartOverLost:
      'Without the code nobody can open your unfinished response: it will never be counted and is deleted when the round closes. Start again?',
    keepCode: (code) => `Your resume code: ${code} — write it down before pressing Enter; it is not shown again.`,
  },
  // Init leftovers (issue 14, part 5).
  // --- serve (issue 18: members answer on their own phones) ---
  web: {
    appName: 'Self-assessment',
    otherLanguage: 'Tiếng Việt',
    signInTitle: 'Enter your personal code',
    codeLabel: 'Personal code (on the slip from your cell secretary)',
    codeHint: '10 characters, upper or lower case; the dash may be left out.',
    codeSubmit: 'Open my form',
    wrongCode: 'That code is not right. Check each character on your slip, or ask the cell secretary.',
    tooMany: 'Too many wrong codes. Wait half a minute and try again.',
    busy: 'The server is busy. Wait a few seconds and try again.',
    usedTitle: 'Already submitted',
    used: 'This code belongs to a submitted response: its answers are locked and cannot be seen or changed. If something must change, tell the cell secretary.',
    closedTitle: 'Round closed',
    closed: 'This round is closed (or the response was submitted elsewhere); no more answers are taken.',
    expiredTitle: 'Not sent',
    expired: 'This page is out of date or did not come from the tusoi form. Open the start page again and go on; saved answers are kept.',
    signedOut: 'This device has not opened a form (or it was submitted). Enter your personal code to go on; saved answers are kept.',
    notFoundTitle: 'No such page',
    notFound: 'There is no such page.',
    badRequestTitle: 'Invalid request',
    badRequest: 'What was sent is not valid; nothing from it was saved.',
    tooLarge: 'What was sent is too large; nothing from it was saved.',
    errorTitle: 'Something went wrong',
    error: 'The server failed; this submission was not saved. Answers saved earlier are kept. Tell the cell secretary.',
    startLink: 'Start page',
    progress: (a, t) => `${a}/${t} answered`,
    manifestationOf: (i, t) => `manifestation ${i}/${t}`,
    saveAndNext: 'Save and go to the next manifestation',
    saveAndBack: 'Save and go back',
    saveAndReview: 'Save and review',
    saveAndReviewNow: 'Save and review everything',
    reviewTitle: 'Review before submitting',
    flaggedIntro: (n) => `${n} behaviours you marked as present (tap one to change it):`,
    flaggedNone: 'You answered "none" to every behaviour.',
    missing: (n) => `${n} not answered yet; answer them all to submit:`,
    confirmLabel: 'I have reviewed my answers and submit them; they cannot be changed afterwards.',
    confirmNeeded: 'Tick the confirmation box, then press Submit.',
    submit: 'Submit',
    backToStart: 'Back to the first manifestation',
    doneTitle: 'Submitted',
    doneText: "Thank you. Your response is saved and locked. You may close this page. Commitments (tự sửa) are written later at the secretary's laptop.",
  },
  serve: {
    listening: (url) => `The form is open at: ${url}`,
    unreachable: 'This computer has no address on a local network: phones cannot reach it. Turn on Wi-Fi (or this computer\'s hotspot) and run again, or choose --host.',
    plainHttp: 'Note: the connection is not encrypted (HTTP); anyone capturing the same Wi-Fi can read the answers. Use only the office network or a hotspot with a password.',
    firewall: 'Windows may ask "Windows Defender Firewall has blocked some features": choose "Private networks", then Allow access. A network marked Public blocks the phones.',
    noCodes: 'No personal codes for this round yet. Print them first:\n  tusoi serve --codes codes.html',
    codesFor: (i, n) => `${i}/${n} members have a personal code.`,
    live: (s, p, n) => `Submitted ${s} · in progress ${p} · not started ${n}`,
    stopping: 'Stopping…',
    stopped: (s, p) => `Stopped. Every answer received is saved: ${s} submitted, ${p} in progress. To go on with the same codes:\n  tusoi serve`,
    codesWritten: (f, n) => `Wrote ${n} personal code slips to ${f}. Print, cut and hand each to its member; codes printed before no longer work.`,
    slipsTitle: (r) => `Personal codes, round ${r}`,
    slipIntro: 'Self-assessment: open a browser on your phone or computer (on the meeting room\'s Wi-Fi) and go to:',
    slipAddress: 'Address',
    slipCode: 'Personal code',
    slipKeep: 'Keep this code to yourself; it opens your form until you submit.',
  },
  initLeftovers: {
    removed: (file) => `Removed ${file}, left by an interrupted tusoi init.`,
    kept: (file) => `Left ${file} alone: the temporary file of another tusoi init, which may still be running. If none is, you may delete it.`,
  },
  // Reports that do not mislead (issue 15, part 5).
  reportNotes: {
    mostReportedShown: 'Most reported (shown figures)',
    placePlaceholder: 'place',
    placeOption: 'the place written before the date in the signature block, e.g. "Hanoi" (default: left blank to fill in by hand)',
    missingTitle: (n, e) => `Not reported: ${n}/${e} units`,
    noneMissing: (e) => `All ${e}/${e} units have reported.`,
    noExpectedList: 'No list of expected units, so the units that have not reported cannot be named (import one with unit import).',
    chartAxis: (max) => `Scale from 0 to ${max}% (fitted to the data, not 0–100%); the figure at the end of each bar is the share of members at occasionally or frequently.`,
    points: 'pp',
    compareLegend: 'Change column: ▲ up, ▼ down, = unchanged in share (percentage points, pp); in brackets, the change in the number of members.',
    smallAnonymous: (r, k) => `Note: this anonymous round has only ${r} respondent(s) (fewer than ${k}); with so few, the figures may reveal individual answers. Keep it within the cell, or print it with --suppress-below.`,
    page: 'Page',
    of: 'of',
    onBehalf: (collecting) => (collecting ? 'ON BEHALF OF THE PARTY CELL' : 'ON BEHALF OF THE PARTY COMMITTEE'),
    signer: 'SECRETARY',
    signHint: '(Signature and full name)',
    placeDate: (place, iso) => `${place || '……………'}, ${iso}`,
  },
  // --- rounds-menu (issue 15, part 4) ---
  roundLife: {
    help: {
      yes: 'close without asking',
      reopen: {
        summary: 'reopen a closed round (named: until its final export; anonymous: until it is reported or exported)',
        label: 'the round label (default: the latest round)',
        examples: [['tusoi round reopen 2026', 'reopen round 2026 so that the members still missing can answer']],
      },
    },
    outlook: {
      members: (label, anon, total, s, p, n) =>
        `Round "${label}" (${anon ? 'anonymous' : 'named'}): ${total} members — ${s} submitted, ${p} in progress, ${n} not started.`,
      inProgress: (anon) => (anon ? 'In progress (not submitted; their unfinished ballots are deleted at close and never counted):' : 'In progress (not submitted, so not counted):'),
      notStarted: 'Not started:',
      units: (label, r, e, f) => `Round "${label}": ${e > 0 ? `${r}/${e} units reported` : 'no list of expected units'}, ${f} files merged.`,
      provisional: 'Sent a provisional file only:',
      missing: 'Not reported:',
    },
    confirmClose: (label, anon) =>
      `Close round "${label}"? Nobody can answer after that; it can be reopened (the round reopen command) only until it is ${anon ? 'reported or exported' : 'exported as final'}.`,
    reopened: (label, anon) =>
      anon
        ? `Anonymous round "${label}" reopened. Submitted ballots still count; unfinished ballots were deleted at close, so those members start again. Close it again:\n  tusoi round close`
        : `Round "${label}" reopened. Members in progress can go on. Close it again:\n  tusoi round close`,
    committeeNext: (db, year) =>
      `Next (a unit that merges: it answers no questionnaire, it merges the files of the units below it; each line pastes into a shell):
  tusoi ${db}unit import units.csv   # the units expected to report: code;name;parent
  tusoi ${db}round open --label ${year}   # the same label as the cells' round
  tusoi ${db}merge received/   # merge the files the cells and committees send
  tusoi ${db}status   # which units have reported, which are missing`,
    menu: {
      noDatabase: (db) => `There is no database ${db} yet. Create one for your unit, or try the demo with sample data.`,
      init: 'Create the unit’s database',
      demo: 'Try the demo with sample data',
      askUnitCode: 'Unit code (as set by the higher committee, with a letter, e.g. CB03):',
      askUnitName: 'Unit name (e.g. Chi bộ Văn phòng):',
      askLevel: 'The unit’s level:',
      levels: {
        cell: 'A cell: members answer the questionnaire',
        committee: 'A grassroots committee: merges its cells’ files',
        bloc: 'A bloc or higher committee: merges its units’ files',
      },
      askParent: 'Code of the higher unit (Enter: none):',
      askKind: 'A named or an anonymous round? (cannot be changed once open)',
      named: 'Named: each response belongs to its member',
      anonymous: 'Anonymous: only who submitted and the counts are kept',
      reopen: 'Reopen a closed round',
      askReopenLabel: 'Label of the round to reopen (Enter: the latest):',
    },
  },
  // --- messages (issue 15, parts 6 and 7) ---
  wording: {
    levelNames: { 'chi-bo': 'party cell', 'dang-uy-co-so': 'grassroots party committee', 'dang-bo-co-so': 'grassroots party organisation', khoi: 'bloc party committee' },
    noneLevel: 'Never',
    pdfStarting: (browser) => `Printing the PDF with ${browser} (this usually takes a few seconds)…`,
    pdfDone: 'The PDF is printed.',
  },
  // --- one front end at a time (issue 18, part 5) ---
  holder: {
    openOnDevice: (at) => `This member's form is open on a device (at ${at}).`,
    confirmTakeOver: 'Take the form over here? (the device will save no more answers)',
    openTitle: 'The form is open elsewhere',
    openAtLaptop: (at) => `Your form is open at the secretary's laptop (last at ${at}).`,
    openOnOtherDevice: (at) => `Your form is open on another device (last at ${at}).`,
    takenTitle: 'The form was taken over',
    takenAtLaptop: (at) => `This form was taken over at the laptop at ${at}. This page saves no more answers.`,
    takenOnOtherDevice: (at) => `This form was taken over on another device at ${at}. This page saves no more answers.`,
    takeOverHint: 'Saved answers are kept. If you continue here, the other place saves no more.',
    takeOverButton: 'Continue on this device',
  },
};
