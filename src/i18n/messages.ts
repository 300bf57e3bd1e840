/**
 * The shape of every message tusoi shows. Vietnamese is the source language;
 * each catalogue implements this interface, so a missing translation is a
 * compile error. Parameterised messages are functions.
 */
import type { ErrorCode, ErrorParams } from '../errors.js';
import type { ManifestationStatus } from '../questionnaire/model.js';
import type { ProblemCode, ProblemParams } from '../questionnaire/problems.js';

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
    readonly excessArguments: string;
    readonly invalidValue: (detail: string) => string;
    readonly other: (detail: string) => string;
    readonly seeHelp: (command: string) => string;
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
}
