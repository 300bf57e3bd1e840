/**
 * The shape of every message tusoi shows. Vietnamese is the source language;
 * each catalogue implements this interface, so a missing translation is a
 * compile error. Parameterised messages are functions.
 */
import type { ErrorCode, ErrorParams } from '../errors.js';
import type { ManifestationStatus } from '../questionnaire/model.js';
import type { ProblemCode, ProblemParams } from '../questionnaire/problems.js';
import type { SheetProblemCode } from '../exchange/questionnaire-sheets.js';
import type { RejectReason } from '../exchange/merge.js';
import type { CsvProblemCode, CsvProblemParams } from '../exchange/problems.js';
import type { BinaryFormat } from '../exchange/file-format.js';
import type { SkipReason } from '../exchange/members-csv.js';

export interface HelpMessages {
  readonly usage: string;
  readonly description: string;
  readonly arguments: string;
  readonly options: string;
  readonly globalOptions: string;
  readonly commands: string;
  readonly examples: string;
  readonly helpOption: string;
  readonly helpCommand: string;
  readonly versionOption: string;
  /** How [options] and [command] read in a usage line. */
  readonly optionsPlaceholder: string;
  readonly commandPlaceholder: string;
  /** Names of option values and arguments, as shown in help (`--db <tệp>`). */
  readonly placeholders: {
    readonly file: string;
    readonly files: string;
    readonly dir: string;
    readonly code: string;
    readonly name: string;
    readonly names: string;
    readonly level: string;
    readonly label: string;
    readonly idOrFile: string;
    readonly member: string;
    readonly format: string;
    readonly k: string;
    readonly sep: string;
    readonly lang: string;
    readonly paths: string;
    readonly ref: string;
  };
}

export interface CommandHelp {
  readonly summary: string;
  readonly examples?: ReadonlyArray<readonly [command: string, what: string]>;
}

export interface Messages {
  readonly lang: 'vi' | 'en';
  readonly help: HelpMessages;
  readonly program: {
    readonly description: string;
    readonly db: string;
    readonly lang: string;
    readonly json: string;
    readonly exitCodes: string;
  };
  readonly commands: {
    readonly init: CommandHelp & {
      readonly unitCode: string;
      readonly unitName: string;
      readonly level: string;
      readonly parent: string;
    };
    readonly member: CommandHelp & {
      readonly add: CommandHelp & { readonly names: string; readonly code: string };
      readonly list: CommandHelp & { readonly all: string };
      readonly remove: CommandHelp & { readonly member: string };
      readonly import: CommandHelp & { readonly file: string };
    };
    readonly round: CommandHelp & {
      readonly open: CommandHelp & { readonly label: string; readonly questionnaire: string; readonly anonymous: string };
      readonly close: CommandHelp;
      readonly list: CommandHelp;
    };
    readonly answer: CommandHelp & { readonly member: string; readonly answers: string; readonly replace: string };
    readonly response: CommandHelp & { readonly reopen: CommandHelp & { readonly member: string } };
    readonly session: CommandHelp;
    readonly status: CommandHelp;
    // --- serve (issue 18: members answer on their own phones) ---
    readonly serve: CommandHelp & { readonly host: string; readonly port: string; readonly codes: string; readonly force: string };
    readonly demo: CommandHelp & { readonly dir: string };
    readonly merge: CommandHelp & { readonly paths: string; readonly round: string; readonly replace: string; readonly remove: string };
    readonly unit: CommandHelp & { readonly import: CommandHelp & { readonly file: string }; readonly list: CommandHelp };
    readonly report: CommandHelp & { readonly round: string; readonly format: string; readonly out: string; readonly suppress: string; readonly compare: string; readonly force: string };
    readonly measure: CommandHelp & {
      readonly add: CommandHelp & { readonly text: string; readonly behaviour: string };
      readonly list: CommandHelp;
      readonly done: CommandHelp & { readonly id: string };
    };
    readonly export: CommandHelp & { readonly round: string; readonly out: string; readonly separator: string; readonly force: string };
    readonly questionnaire: CommandHelp & {
      readonly list: CommandHelp & { readonly files: string };
      readonly show: CommandHelp & { readonly ref: string };
      readonly validate: CommandHelp & { readonly files: string; readonly fix: string };
    };
  };
  /** Commander's own errors, rewritten (its texts are English only). */
  readonly usage: {
    readonly unknownOption: (option: string) => string;
    readonly unknownCommand: (command: string) => string;
    readonly missingArgument: (argument: string) => string;
    readonly optionMissingArgument: (option: string) => string;
    readonly missingOption: (option: string) => string;
    readonly excessArguments: string;
    readonly invalidValue: (detail: string) => string;
    readonly other: (detail: string) => string;
    readonly seeHelp: (command: string) => string;
    /** Commander's nearest command or option to a misspelt one. */
    readonly didYouMean: (suggestion: string) => string;
  };
  readonly errors: { readonly [K in ErrorCode]: (p: ErrorParams[K]) => string };
  readonly internal: {
    readonly title: string;
    readonly report: string;
  };
  readonly interrupted: string;
  readonly problems: {
    readonly error: string;
    readonly warning: string;
    readonly messages: { readonly [K in ProblemCode]: (p: ProblemParams) => string };
    readonly summary: (file: string, errors: number, warnings: number) => string;
    readonly valid: (file: string, counts: string, sha: string) => string;
    readonly fixed: (file: string) => string;
  };
  /** Spreadsheets in (issue 16, parts 1 and 2). */
  readonly sheets: {
    /** Where a problem of a workbook is: `danh-sach.xlsx, trang "Sheet1", dòng 7, cột C`. */
    readonly where: (file: string, sheet: string, line: number, column?: string) => string;
    /** One form of a sheet entered: who (or ballot n), how many answers, how many blanks taken as none. */
    readonly formEntered: (who: string, answers: number, blanks: number) => string;
    /** The sheet entered: n forms, anonymous or not. */
    readonly sheetEntered: (file: string, forms: number, anonymous: boolean) => string;
    /** After a named sheet: the file holds named answers. */
    readonly namedReminder: (file: string) => string;
    /** `answer --template`: written. */
    readonly templateWritten: (file: string, columns: number, anonymous: boolean) => string;
    /** The template's header cells. */
    readonly behaviourHeader: string;
    readonly textHeader: string;
    readonly ballotHeader: (n: number) => string;
    /** The whole sheet, when an anonymous round's member columns are not listed one by one. */
    readonly allForms: string;
    readonly help: {
      readonly sheet: string;
      readonly sheetName: string;
      readonly blankIsNone: string;
      readonly participants: string;
      readonly participantsArg: string;
      readonly template: string;
    };
  };
  readonly csv: {
    readonly messages: { readonly [K in CsvProblemCode]: (p: CsvProblemParams) => string };
    readonly rejected: (file: string, n: number) => string;
  };
  readonly db: {
    readonly created: (file: string, unit: string) => string;
    readonly next: string;
  };
  readonly members: {
    readonly added: (n: number) => string;
    readonly addedOne: (code: string, name: string) => string;
    readonly conflict: (code: string, name: string) => string;
    readonly none: string;
    readonly header: (n: number) => string;
    readonly inactive: string;
    readonly removed: (name: string, code: string) => string;
    readonly deactivated: (name: string, code: string) => string;
    readonly which: string;
    readonly searchHint: string;
  };
  readonly rounds: {
    readonly opened: (label: string, questionnaire: string, anonymous: boolean) => string;
    readonly closed: (label: string) => string;
    readonly none: string;
    readonly open: string;
    readonly closedOn: (day: string) => string;
    readonly anonymous: string;
    readonly named: string;
    readonly merge: string;
  };
  readonly interview: {
    readonly who: string;
    readonly confirmWho: (name: string, code: string) => string;
    readonly notYou: string;
    readonly group: (id: string, text: string) => string;
    readonly manifestation: (id: string, index: number, total: number) => string;
    readonly question: (index: number, total: number, id: string) => string;
    readonly levelPrompt: string;
    readonly back: string;
    readonly toReview: string;
    readonly keysHelp: string;
    readonly saved: (id: string, level: string, answered: number, total: number) => string;
    readonly reviewTitle: (answered: number, total: number) => string;
    readonly reviewNone: string;
    readonly reviewFlagged: (n: number) => string;
    readonly reviewMissing: (n: number) => string;
    readonly reviewPrompt: string;
    readonly submit: string;
    readonly continueAnswering: string;
    readonly confirmSubmit: string;
    readonly submitted: (name: string) => string;
    readonly yes: string;
    readonly no: string;
    readonly resumed: (answered: number, total: number) => string;
    readonly paused: (answered: number, total: number, command: string) => string;
    readonly anonymousCode: (code: string) => string;
    readonly anonymousNotice: string;
    readonly askCode: string;
    readonly codeWrong: string;
    readonly startOver: string;
    readonly paperEntered: (name: string, n: number) => string;
    readonly reopened: (name: string, code: string) => string;
  };
  readonly session: {
    readonly title: (unit: string, round: string) => string;
    readonly pick: string;
    readonly allDone: string;
    readonly handOver: string;
    readonly pressEnter: string;
    readonly remaining: (n: number) => string;
  };
  /** interview-session (issue 15): the interview and the kiosk without traps. */
  readonly flow: {
    /** Enter on a question with no level chosen. */
    readonly nothingChosen: string;
    /** Esc in the commitment step: the rest skipped. */
    readonly skippedRest: (n: number) => string;
    /** A deadline that is no date (31/2/2027) or not in a known form. */
    readonly dueInvalid: (text: string) => string;
    /** The kiosk's picker when nobody pending matches what was typed. */
    readonly noMatch: (term: string) => string;
    readonly pickHint: string;
    readonly confirmEnd: string;
    readonly ended: (submitted: number, members: number) => string;
    /** Ctrl+C during a member's turn in the kiosk. */
    readonly turnPaused: (answered: number, total: number) => string;
    readonly roundClosed: (label: string) => string;
  };
  /** Signed exports and pinned keys (issue 17). */
  readonly keys: {
    readonly keyHelp: string;
    readonly trustHelp: string;
    readonly trustCode: string;
    readonly trustFingerprint: string;
    readonly fingerprintPlaceholder: string;
    readonly trustExamples: ReadonlyArray<readonly [string, string]>;
    readonly requireSignature: string;
    readonly fingerprint: (code: string, fingerprint: string) => string;
    readonly readAloud: (code: string, fingerprint: string) => string;
    readonly noKey: string;
    readonly statusLine: (fingerprint: string) => string;
    readonly pinned: (fingerprint: string, verified: boolean) => string;
    readonly unsignedOnly: string;
    readonly notVerifiedUnits: (codes: string) => string;
    readonly unsignedOnlyUnits: (codes: string) => string;
    readonly confirmed: (code: string, fingerprint: string) => string;
    readonly trusted: (code: string, fingerprint: string, previous: string) => string;
    readonly removed: (file: string, round: string) => string;
    readonly exportUnsigned: string;
  };
  readonly status: {
    readonly unit: (code: string, name: string, level: string) => string;
    readonly round: (label: string, anonymous: boolean, open: boolean) => string;
    readonly noRound: string;
    readonly counts: (members: number, submitted: number, inProgress: number, notStarted: number) => string;
    readonly submitted: string;
    readonly inProgress: string;
    readonly notStarted: string;
  };
  readonly report: {
    readonly title: string;
    readonly unit: (name: string, code: string) => string;
    readonly round: (label: string, anonymous: boolean, open: boolean) => string;
    readonly questionnaire: (id: string, version: string, sha: string) => string;
    readonly date: (day: string) => string;
    readonly participation: (respondents: number, members: number, pct: string) => string;
    readonly overall: string;
    readonly byGroup: string;
    readonly byManifestation: string;
    readonly manifestationNote: string;
    readonly topBehaviours: string;
    readonly topNote: string;
    readonly hiddenBehaviours: (n: number, mark: string) => string;
    readonly compareTitle: (label: string) => string;
    readonly compareNote: (before: number, after: number) => string;
    readonly compareDifferent: (shared: number, onlyBefore: number, onlyAfter: number) => string;
    readonly compareColumns: readonly [string, string, string, string];
    readonly compareBiggest: string;
    readonly measuresTitle: string;
    readonly measureDone: string;
    readonly allBehaviours: string;
    readonly noneReported: string;
    readonly noRespondents: string;
    readonly suppressed: (k: number) => string;
    readonly provisional: string;
    readonly id: string;
    readonly content: string;
    readonly unverifiedMark: string;
    readonly chartTitle: string;
    readonly units: string;
    readonly unitTable: string;
    readonly memberCount: string;
    readonly respondentCount: string;
    readonly participationShort: string;
    readonly mostReported: string;
    readonly written: (file: string) => string;
  };
  readonly merge: {
    readonly progress: (done: number, total: number) => string;
    readonly accepted: (file: string, unit: string) => string;
    readonly skipped: (file: string, previous: string) => string;
    readonly older: (file: string, newer: string) => string;
    readonly replaced: (file: string, previous: string) => string;
    readonly rejected: (file: string) => string;
    /** A merged file taken out of the round (`merge --remove`). */
    readonly removed: (file: string, unit: string) => string;
    readonly summary: (accepted: number, skipped: number, replaced: number, rejected: number) => string;
    /** Why a file was not merged, one per `RejectReason` code, given the reason itself. */
    readonly reasons: { readonly [C in RejectReason['code']]: (p: Extract<RejectReason, { code: C }>) => string };
  };
  readonly units: {
    /** Known level labels in words ("chi-bo" → "chi bộ"); others are shown as given. */
    readonly levelNames: Readonly<Record<string, string>>;
    readonly imported: (added: number, total: number, file: string) => string;
    readonly coverage: (reported: number, expected: number, pct: string, level: string) => string;
    readonly missing: string;
    readonly unexpected: string;
    readonly noExpected: string;
    readonly files: (n: number) => string;
    readonly provisional: string;
  };
  readonly home: {
    readonly title: (db: string) => string;
    readonly prompt: string;
    readonly items: {
      readonly session: string;
      readonly answer: string;
      readonly status: string;
      readonly report: string;
      readonly export: string;
      readonly merge: string;
      readonly members: string;
      readonly rounds: string;
      readonly help: string;
      readonly quit: string;
    };
    readonly membersMenu: { readonly list: string; readonly add: string; readonly import: string; readonly back: string };
    readonly roundsMenu: { readonly list: string; readonly open: string; readonly close: string; readonly back: string };
    readonly running: (command: string) => string;
    readonly askPath: string;
    readonly askNames: string;
    readonly askFile: string;
    readonly askLabel: (year: string) => string;
    readonly back: string;
  };
  readonly demo: {
    readonly intro: (dir: string, cells: number, members: number) => string;
    /** One line as each cell is done, so a run of several seconds shows it is working. */
    readonly cellStep: (code: string, members: number, answered: number, exported: boolean) => string;
    readonly committeeStep: (code: string, cells: number) => string;
    readonly cellsDone: (exported: number, missing: string) => string;
    readonly committeesDone: string;
    readonly blocDone: string;
    readonly committeeName: (code: string) => string;
    readonly blocName: string;
    readonly files: (dir: string, bloc: string, html: string, sent: string, cells: string) => string;
    readonly next: (bloc: string, cell: string) => string;
  };
  /** Files that are not what they were taken for, and folder entries a merge passed over. */
  readonly files: {
    /** What a path is when it is not a regular file ("a FIFO"). */
    readonly notRegular: Readonly<Record<ErrorParams['FILE_NOT_REGULAR']['kind'], string>>;
    /** What a file is when it is not a text table ("an Excel workbook (.xlsx)"). */
    readonly formats: Readonly<Record<BinaryFormat, string>>;
    /** A folder entry a merge did not read, and why. */
    readonly ignored: (file: string, reason: 'hidden' | 'not-a-table' | 'symlink' | 'not-a-file') => string;
  };
  readonly measures: {
    readonly added: (id: number, round: string) => string;
    readonly none: string;
    readonly done: (id: number) => string;
  };
  readonly commitments: {
    readonly intro: (n: number) => string;
    readonly behaviour: (id: string, level: string, text: string) => string;
    readonly ask: string;
    readonly askKeep: (current: string) => string;
    readonly due: string;
    readonly saved: (id: string) => string;
    readonly removed: (id: string) => string;
    readonly done: (n: number, code: string) => string;
    readonly reviewTitle: (round: string) => string;
    readonly followIntro: (round: string, n: number) => string;
    readonly followItem: (round: string, id: string, text: string, action: string, due: string | null) => string;
    readonly followAsk: string;
    readonly outcomes: { readonly done: string; readonly partly: string; readonly not_done: string };
    readonly followSaved: string;
  };
  // --- commit-crypto (issue 13, part 4): commitments sealed with the member's secret ---
  readonly commitmentSecret: {
    /** What is protected and what is not, before the member writes anything; `unlocked`: the member has given their secret. */
    readonly privacy: (unlocked: boolean) => string;
    /** The new secret, shown once. */
    readonly newSecret: (secret: string) => string;
    readonly retype: string;
    readonly retypeWrong: (secret: string) => string;
    /** After the retype: the screen and scrollback were cleared. */
    readonly noted: string;
    readonly ask: string;
    readonly wrong: string;
    readonly malformed: string;
    /** The input method turned letters into accented ones. */
    readonly accented: string;
    /** A member with a secret, right after submitting: type it to make or change commitments. */
    readonly needSecret: string;
    readonly skipped: string;
    readonly followLocked: (n: number) => string;
    readonly followSkipped: string;
    /** Commitments made before sealing existed: sealed now under a new secret. */
    readonly unsealedIntro: (n: number) => string;
    readonly unsealedDone: (n: number) => string;
    /** `answer --member` on a submitted response of a member with no secret: nothing is shown. */
    readonly noSecret: (member: string, round: string, code: string) => string;
  };
  // --- end commit-crypto ---
  readonly exported: {
    readonly written: (file: string, rows: number) => string;
    readonly provisional: (label: string) => string;
  };
  /** Writing a report or an export over an existing file (`--out`, or the default name). */
  readonly outputFile: {
    readonly replaced: (file: string) => string;
    readonly confirmReplace: (file: string) => string;
  };
  // Member lists as offices keep them (issue 15, part 3): skipped rows, warnings, `member rename`.
  readonly memberLists: {
    /** Why a row or a name was not added; `listed` is the code of the member already there (or earlier in the batch). */
    readonly skipped: (reason: SkipReason, p: { readonly name: string; readonly code?: string; readonly listed: string; readonly firstLine?: number }) => string;
    /** `member add --code 0123`: accepted, with the warning the import gives (CSV_NUMERIC_MEMBER_CODE). */
    readonly numericCode: (code: string) => string;
    readonly imported: (added: number, skipped: number, warnings: number, file: string, origin: string) => string;
    /** How a workbook is named in `imported` ("sheet DS"). */
    readonly sheet: (name: string) => string;
    readonly renamed: (code: string, from: string, to: string) => string;
    readonly unchanged: (code: string, name: string) => string;
    readonly help: {
      readonly summary: string;
      readonly member: string;
      readonly name: string;
      readonly examples: ReadonlyArray<readonly [string, string]>;
    };
  };
  readonly questionnaire: {
    readonly status: { readonly [K in ManifestationStatus]: string };
    readonly statusMark: { readonly [K in Exclude<ManifestationStatus, 'verbatim'>]: string };
    readonly counts: (groups: number, manifestations: number, behaviours: number) => string;
    readonly id: string;
    readonly version: string;
    readonly source: string;
    readonly levels: string;
    readonly bundled: string;
    readonly file: string;
    readonly noneFound: string;
    readonly invalidInList: (file: string, errors: number) => string;
  };
  // --- anon-store (issue 13: anonymous ballots, safe resume) ---
  readonly anonymousBallot: {
    /** Starting again over a ballot this terminal opened: how many answers will be lost. */
    readonly confirmStartOver: (saved: number) => string;
    /** Starting again when the code is lost: the old ballot cannot be found by anyone. */
    readonly confirmStartOverLost: string;
    /** After Ctrl+C: the code again, kept on screen until Enter. */
    readonly keepCode: (code: string) => string;
  };
  // --- serve (issue 18: members answer on their own phones) ---
  /** The member's pages of the network form. */
  readonly web: {
    readonly appName: string;
    readonly otherLanguage: string;
    readonly signInTitle: string;
    readonly codeLabel: string;
    readonly codeHint: string;
    readonly codeSubmit: string;
    readonly wrongCode: string;
    readonly tooMany: string;
    readonly busy: string;
    readonly usedTitle: string;
    readonly used: string;
    readonly closedTitle: string;
    readonly closed: string;
    readonly expiredTitle: string;
    readonly expired: string;
    readonly signedOut: string;
    readonly notFoundTitle: string;
    readonly notFound: string;
    readonly badRequestTitle: string;
    readonly badRequest: string;
    readonly tooLarge: string;
    readonly errorTitle: string;
    readonly error: string;
    readonly startLink: string;
    readonly progress: (answered: number, total: number) => string;
    readonly manifestationOf: (index: number, total: number) => string;
    readonly saveAndNext: string;
    readonly saveAndBack: string;
    readonly saveAndReview: string;
    readonly saveAndReviewNow: string;
    readonly reviewTitle: string;
    readonly flaggedIntro: (n: number) => string;
    readonly flaggedNone: string;
    readonly missing: (n: number) => string;
    readonly confirmLabel: string;
    readonly confirmNeeded: string;
    readonly submit: string;
    readonly backToStart: string;
    readonly doneTitle: string;
    readonly doneText: string;
  };
  // --- web commitments (issue 18, parts 2 and 3: tự sửa over the network form, https only) ---
  /** The commitment pages of the network form, offered only over --https. */
  readonly webCommitments: {
    readonly title: string;
    /** Heading line right after submitting on this device. */
    readonly submitted: string;
    readonly intro: (n: number) => string;
    readonly nothingReported: string;
    readonly privacy: (unlocked: boolean) => string;
    readonly none: string;
    readonly write: string;
    readonly edit: string;
    readonly due: (due: string) => string;
    readonly lockedTitle: string;
    readonly needSecret: string;
    readonly secretLabel: string;
    readonly secretHint: string;
    readonly unlock: string;
    readonly wrongTitle: string;
    readonly wrong: string;
    readonly malformed: string;
    readonly accented: string;
    readonly tooMany: string;
    readonly noSecretTitle: string;
    readonly noSecret: string;
    readonly makeSecretIntro: string;
    readonly makeSecret: string;
    readonly newSecretTitle: string;
    readonly newSecret: string;
    readonly retypeLabel: string;
    readonly retypeSubmit: string;
    readonly retypeWrong: string;
    readonly noted: string;
    readonly actionLabel: string;
    readonly actionHint: (limit: number) => string;
    readonly dueLabel: string;
    readonly dueHint: string;
    readonly save: string;
    readonly remove: string;
    readonly back: string;
    readonly saved: string;
    readonly removed: string;
    readonly empty: string;
    readonly unsafe: (char: string, position: number) => string;
    readonly tooLong: (length: number, limit: number) => string;
    readonly dueInvalid: (text: string) => string;
    readonly lock: string;
    readonly lockedDone: string;
    readonly idle: string;
  };
  // --- end web commitments ---
  /** The secretary's screen of `tusoi serve`, and the slip sheet. */
  readonly serve: {
    readonly listening: (url: string) => string;
    readonly unreachable: string;
    readonly plainHttp: string;
    readonly firewall: string;
    readonly noCodes: string;
    readonly codesFor: (issued: number, members: number) => string;
    readonly live: (submitted: number, inProgress: number, notStarted: number) => string;
    readonly stopping: string;
    readonly stopped: (submitted: number, inProgress: number) => string;
    readonly codesWritten: (file: string, n: number) => string;
    readonly slipsTitle: (round: string) => string;
    readonly slipIntro: string;
    readonly slipAddress: string;
    readonly slipCode: string;
    readonly slipKeep: string;
  };
  // --- serve --https and QR codes (issue 18, parts 1, 2, 4 and 6) ---
  /** `tusoi serve --https` (the self-signed certificate, its fingerprint) and the QR codes of the address. */
  readonly serveHttps: {
    /** Help of the `--https` option. */
    readonly option: string;
    readonly on: string;
    readonly certNew: (notAfter: string) => string;
    readonly certReused: (notAfter: string) => string;
    readonly certRenewed: (reason: 'hosts' | 'expiry', notAfter: string) => string;
    readonly fingerprint: (sha256: string) => string;
    readonly fingerprintShort: (short: string) => string;
    readonly compare: string;
    readonly qrCaption: string;
    readonly qrNotTty: string;
    readonly qrNarrow: (needed: number, columns: number) => string;
    readonly slipFingerprint: string;
    readonly slipFingerprintHint: string;
    readonly slipQr: (url: string) => string;
  };
  // --- issue 18, part 2: anonymous rounds over the network form (slips, ticking off, the anonymous ballot) ---
  readonly anonWeb: {
    /** Shown in the page header where a named round shows the member's name. */
    readonly badge: string;
    readonly signInTitle: string;
    readonly codeLabel: string;
    readonly codeHint: string;
    readonly wrongCode: string;
    readonly usedTitle: string;
    readonly used: string;
    readonly exceededTitle: string;
    readonly exceeded: (ticked: number) => string;
    readonly doneText: string;
    readonly slipsOption: string;
    readonly slipsWritten: (file: string, n: number) => string;
    readonly slipsTitle: (round: string) => string;
    readonly slipHeading: string;
    readonly slipCode: string;
    /** The QR code's label on an anonymous slip (for screen readers). */
    readonly slipQr: (url: string) => string;
    readonly slipKeep: string;
    readonly noSlips: string;
    readonly slipsReady: (unused: number) => string;
    readonly live: (handedOut: number, submitted: number) => string;
    readonly tickHelp: string;
    readonly tickPrompt: string;
    readonly ticked: (who: string) => string;
    readonly already: (who: string) => string;
    readonly answered: (who: string) => string;
    readonly inProgress: (who: string) => string;
    readonly unticked: (who: string) => string;
    readonly notTicked: (who: string) => string;
    readonly tooLate: (who: string) => string;
    readonly noMatch: (query: string) => string;
    readonly several: (list: string) => string;
    readonly stopped: (handedOut: number, submitted: number) => string;
    /** The kiosk's picker: a member ticked off for a slip. */
    readonly kioskTicked: string;
  };
  /** Init leftovers (issue 14, part 5): hidden build files of an interrupted `tusoi init` of the same file. */
  readonly initLeftovers: {
    readonly removed: (file: string) => string;
    readonly kept: (file: string) => string;
  };
  /** Reports that do not mislead (issue 15, part 5): missing units, the chart's axis, --compare units, small rounds, dates, signature. */
  readonly reportNotes: {
    /** The per-unit column's header under suppression: hidden figures are not ranked. */
    readonly mostReportedShown: string;
    readonly placePlaceholder: string;
    /** `--place` help: the place written before the date in the signature block. */
    readonly placeOption: string;
    /** The bloc's units that have not reported: "Chưa báo cáo: 2/5 đơn vị". */
    readonly missingTitle: (missing: number, expected: number) => string;
    /** Every expected unit has reported. */
    readonly noneMissing: (expected: number) => string;
    /** Issue 17: units counted whose key was pinned by their first file and not confirmed by phone. */
    readonly keysNotVerified: (codes: string) => string;
    /** Issue 17: units counted from an unsigned file. */
    readonly keysUnsigned: (codes: string) => string;
    /** No list of expected units: who is missing cannot be told. */
    readonly noExpectedList: string;
    /** The chart's axis caption (its scale is the data's, not 0–100 %). */
    readonly chartAxis: (max: string) => string;
    /** The unit of a change in percentage points ("điểm %", "pp"). */
    readonly points: string;
    /** Explains the change column: the arrow follows the share, brackets give the count. */
    readonly compareLegend: string;
    /** An anonymous round with fewer respondents than the threshold. */
    readonly smallAnonymous: (respondents: number, threshold: number) => string;
    /** Page x of n in the printed report's footer. */
    readonly page: string;
    readonly of: string;
    /** The signature block: "T/M CHI BỘ" or "T/M ĐẢNG ỦY", then the signer's title. */
    readonly onBehalf: (collecting: boolean) => string;
    readonly signer: string;
    readonly signHint: string;
    /** "Hà Nội, ngày 02 tháng 12 năm 2026"; place may be empty (a dotted line to fill by hand). */
    readonly placeDate: (place: string, iso: string) => string;
  };
  // --- rounds-menu (issue 15, part 4: closing with a warning, reopening, the menu's round kind and init) ---
  readonly roundLife: {
    readonly help: {
      readonly yes: string;
      readonly reopen: CommandHelp & { readonly label: string };
    };
    /** Where the round stands as it is closed: the head line, then the lists. */
    readonly outlook: {
      readonly members: (label: string, anonymous: boolean, total: number, submitted: number, inProgress: number, notStarted: number) => string;
      readonly inProgress: (anonymous: boolean) => string;
      readonly notStarted: string;
      readonly units: (label: string, reported: number, expected: number, files: number) => string;
      readonly provisional: string;
      readonly missing: string;
    };
    readonly confirmClose: (label: string, anonymous: boolean) => string;
    readonly reopened: (label: string, anonymous: boolean) => string;
    /** After `init` of a unit that merges (not a cell): `db` is `--db FILE ` or empty. */
    readonly committeeNext: (db: string, year: string) => string;
    readonly menu: {
      readonly noDatabase: (db: string) => string;
      readonly init: string;
      readonly demo: string;
      readonly askUnitCode: string;
      readonly askUnitName: string;
      readonly askLevel: string;
      readonly levels: { readonly cell: string; readonly committee: string; readonly bloc: string };
      readonly askParent: string;
      readonly askKind: string;
      readonly named: string;
      readonly anonymous: string;
      readonly reopen: string;
      readonly askReopenLabel: string;
    };
  };
  // --- messages (issue 15, parts 6 and 7: words for people, long waits) ---
  readonly wording: {
    /** A unit's level as people read it, one unit (`chi-bo` → "chi bộ"); ids stay in JSON and CSV. An unknown level shows as typed. */
    readonly levelNames: Readonly<Record<string, string>>;
    /** tusoi's word for the none level of any questionnaire, wherever a label is shown to people (the file's own label stays in the file, its hash and JSON). */
    readonly noneLevel: string;
    /** On stderr before Chromium starts printing a PDF, and when it is done. */
    readonly pdfStarting: (browser: string) => string;
    readonly pdfDone: string;
  };
  // --- workbooks out (issue 16, part 3: report --format xlsx|ods) ---
  readonly workbook: {
    readonly summarySheet: string;
    readonly behavioursSheet: string;
    readonly unitsSheet: string;
    /** The label column of the summary's first block. */
    readonly unit: string;
    readonly unitCode: string;
    readonly round: string;
    readonly anonymous: string;
    readonly status: string;
    readonly open: string;
    readonly closed: string;
    readonly yes: string;
    readonly no: string;
    readonly questionnaire: string;
    readonly version: string;
    readonly members: string;
    readonly respondents: string;
    readonly participation: string;
    readonly generatedOn: string;
    readonly suppression: string;
    /** The kind of a summary row: the whole unit, a group, a manifestation. */
    readonly kind: string;
    readonly kindOverall: string;
    readonly kindGroup: string;
    readonly kindManifestation: string;
    readonly group: string;
    readonly manifestation: string;
    readonly behaviour: string;
    readonly content: string;
    /** A level's count column ("Thỉnh thoảng (người)") and its percentage column. */
    readonly count: (level: string) => string;
    readonly percent: (level: string) => string;
    readonly reported: string;
    readonly level: string;
    readonly parent: string;
    readonly reportedStatus: string;
    readonly hasReported: string;
    readonly notReported: string;
    /** The n-th most reported manifestation of a unit, and its count. */
    readonly top: (n: number) => string;
    readonly topCount: (n: number) => string;
    /** The table by unit's last column: the unit's file signed with a key confirmed by phone, one pinned by its first file only, or unsigned. */
    readonly signature: string;
    readonly signatureVerified: string;
    readonly signatureNotVerified: string;
    readonly signatureNone: string;
    /** The sheet of `answer --template FILE.xlsx|.ods`. */
    readonly formsSheet: string;
  };
  // --- questionnaire-sheets (issue 16, part 4: questionnaires authored in a spreadsheet) ---
  readonly questionnaireSheets: {
    /** The layout's own problems (columns, settings keys, repeats); the validator's keep their words in `problems.messages`. */
    readonly messages: { readonly [K in SheetProblemCode]: (p: ProblemParams) => string };
    /** `questionnaire import`: the YAML written. */
    readonly imported: (file: string, counts: string, sha: string) => string;
    /** `questionnaire export`: the files written. */
    readonly exported: (files: string, counts: string) => string;
    readonly help: {
      readonly import: CommandHelp & { readonly file: string; readonly out: string; readonly levels: string; readonly force: string };
      readonly export: CommandHelp & { readonly ref: string; readonly format: string; readonly out: string; readonly force: string };
    };
  };
  // --- one front end at a time (issue 18, part 5: taking over a response) ---
  readonly holder: {
    /** Kiosk / `tusoi answer`: the member's form is open on a device (last seen at `at`, HH:MM). */
    readonly openOnDevice: (at: string) => string;
    readonly confirmTakeOver: string;
    /** The web page when another front end holds the form. */
    readonly openTitle: string;
    readonly openAtLaptop: (at: string) => string;
    readonly openOnOtherDevice: (at: string) => string;
    /** The web page of a device that lost the form (no answer shown). */
    readonly takenTitle: string;
    readonly takenAtLaptop: (at: string) => string;
    readonly takenOnOtherDevice: (at: string) => string;
    readonly takeOverHint: string;
    readonly takeOverButton: string;
  };
}
