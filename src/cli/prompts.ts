/**
 * The terminal side of the interview and of the session: the ONLY importer of
 * the Inquirer prompts. Everything here renders and asks; deciding what to ask
 * is the engine's job (`interview/engine.ts`).
 *
 * NOTE: the four prompts used are imported from their own packages, not from
 * the `@inquirer/prompts` bundle, which loads every prompt (an editor among
 * them) and cost about 27 ms more before the first question (measured). The
 * question's menu and the commitment's line are built on @inquirer/core in
 * level-prompt.ts and text-prompt.ts, loaded only through this module.
 */
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select, { Separator } from '@inquirer/select';
import type { AnswerEvent, AskStep, ReviewStep } from '../interview/engine.js';
import type { InterviewPort } from '../interview/port.js';
import type { Messages } from '../i18n/messages.js';
import { localText, type Lang, type Level, type LocalText, type Questionnaire } from '../questionnaire/model.js';
import { statusMark } from '../report/questionnaire.js';
import { displaySafe } from '../text/hygiene.js';
import { fold } from '../text/vietnamese.js';
import { wrap } from '../text/wrap.js';
import type { OutStream } from './io.js';
import { levelPrompt } from './level-prompt.js';
import { ESCAPED, textPrompt } from './text-prompt.js';
import type { Style } from './style.js';

/** Clears the screen AND the scrollback, so the next member cannot scroll up (console.clear keeps it). */
export const CLEAR_SCREEN_AND_SCROLLBACK = '\x1b[2J\x1b[3J\x1b[H';

export interface PickChoice<T> {
  readonly label: string;
  readonly value: T;
  /** Extra text searched (e.g. the member code). */
  readonly keywords?: string;
}

type Key = [key: string, action: string];

export class TerminalUi {
  private lastManifestation: string | undefined;
  private lastGroup: string | undefined;
  private readonly out: OutStream;
  private readonly m: Messages;
  private readonly lang: Lang;
  private readonly style: Style;
  private readonly width: number;

  constructor(out: OutStream, m: Messages, lang: Lang, style: Style, width: number) {
    this.out = out;
    this.m = m;
    this.lang = lang;
    this.style = style;
    this.width = width;
  }

  private t(x: LocalText): string {
    return localText(x, this.lang);
  }

  /** A level's label; the none level is called as tusoi's own sentences call it (issue 15, part 6). */
  private levelText(l: Level): string {
    return l.none ? this.m.wording.noneLevel : this.t(l.label);
  }

  private keys(): { style: { keysHelpTip: (keys: Key[]) => string } } {
    return { style: { keysHelpTip: () => this.style.dim(this.m.interview.keysHelp) } };
  }

  write(s: string): void {
    this.out.write(s);
  }

  clearScreen(): void {
    this.out.write(CLEAR_SCREEN_AND_SCROLLBACK);
  }

  /** Forgets which group/manifestation was shown, so the next question shows its context again. */
  resetContext(): void {
    this.lastGroup = undefined;
    this.lastManifestation = undefined;
  }

  /**
   * Search-as-you-type without diacritics: "do thi" finds "Đỗ Thị Bình". When
   * nothing matches, a line says so and Enter does nothing: the picker stays.
   */
  async pick<T>(message: string, choices: ReadonlyArray<PickChoice<T>>, options: { readonly hint?: string } = {}): Promise<T> {
    const folded = choices.map((c) => ({ c, key: fold(`${c.label} ${c.keywords ?? ''}`) }));
    const hint = options.hint ?? this.m.members.searchHint;
    return search<T>({
      message,
      pageSize: 10,
      source: (term) => {
        const k = fold(term ?? '');
        const hits = k === '' ? folded : folded.filter((f) => f.key.includes(k));
        if (hits.length === 0) {
          // NOTE: a disabled line, not an empty list (search's own "No results found" is English only).
          return [{ name: displaySafe(this.m.flow.noMatch((term ?? '').trim())), value: undefined as T, disabled: ' ' }];
        }
        return hits.map((f) => ({ name: displaySafe(f.c.label), value: f.c.value }));
      },
      theme: { style: { keysHelpTip: () => this.style.dim(hint), disabled: (text: string) => this.style.warn(text) } },
    });
  }

  /** A plain menu: one choice by arrows, digits or Enter. */
  async choose<T>(message: string, choices: ReadonlyArray<{ readonly label: string; readonly value: T; readonly hint?: string }>): Promise<T> {
    return select<T>({
      message,
      choices: choices.map((c) => ({ name: displaySafe(c.label), value: c.value, ...(c.hint ? { description: displaySafe(c.hint) } : {}) })),
      loop: false,
      pageSize: choices.length,
      theme: { indexMode: 'number', ...this.keys() },
    });
  }

  async confirm(message: string, defaultValue = true): Promise<boolean> {
    return confirm({ message, default: defaultValue, theme: { keywords: { yes: this.m.interview.yes, no: this.m.interview.no } } } as Parameters<typeof confirm>[0]);
  }

  async ask(message: string): Promise<string> {
    return (await input({ message })).normalize('NFC');
  }

  /**
   * A line of text that Esc answers with `null` (skip all the rest), checked
   * by `check` (an error message refuses the value and asks again).
   */
  async askOrEscape(message: string, check?: (value: string) => string | undefined): Promise<string | null> {
    const value = await textPrompt({ message, ...(check ? { check: (v: string) => check(v.normalize('NFC')) } : {}) });
    return value === ESCAPED ? null : value.normalize('NFC');
  }
  // --- commit-crypto (issue 13, part 4): the commitment secret, never echoed ---
  /** Like `ask`, but each character shows as •, while typing and after. */
  async askSecret(message: string): Promise<string> {
    return (await input({ message, transformer: (value) => '•'.repeat([...value].length) })).normalize('NFC');
  }
  // --- end commit-crypto ---

  async pressEnter(message: string): Promise<void> {
    await input({ message });
  }

  /** The interview port for one member's questionnaire. */
  port(q: Questionnaire): InterviewPort {
    const levelLabel = (id: string) => {
      const level = q.levels.find((l) => l.id === id);
      return level ? this.levelText(level) : id;
    };
    return {
      ask: (step) => this.askStep(q, step),
      review: (step) => this.reviewStep(q, step, levelLabel),
      saved: (step, level) => {
        this.out.write(`${this.style.ok(this.m.interview.saved(step.behaviour.id, levelLabel(level), step.answered + (step.previous === undefined ? 1 : 0), step.position.total))}\n`);
      },
      // NOTE: No by default: a held Enter that reaches the review must not submit.
      confirmSubmit: () => this.confirm(this.m.interview.confirmSubmit, false),
    };
  }

  private context(step: AskStep): void {
    const { group, manifestation } = step;
    if (group.id !== this.lastGroup) {
      this.out.write(`\n${this.style.bold(wrap(this.m.interview.group(group.id, this.t(group.text)), this.width, 2, 0))}\n`);
      this.lastGroup = group.id;
    }
    if (manifestation.id !== this.lastManifestation) {
      const mp = step.manifestationPosition;
      this.out.write(`\n${this.style.bold(this.m.interview.manifestation(manifestation.id, mp.index, mp.total))}\n`);
      this.out.write(`${wrap(this.t(manifestation.text), this.width, 2, 0)}\n`);
      const mark = statusMark(manifestation, this.m);
      if (mark) this.out.write(`${this.style.warn(`[${mark}]`)}\n`);
      this.lastManifestation = manifestation.id;
    }
  }

  private async askStep(q: Questionnaire, step: AskStep): Promise<AnswerEvent> {
    this.context(step);
    const b = step.behaviour;
    this.out.write(`\n${this.style.dim(this.m.interview.question(step.position.index + 1, step.position.total, b.id))}\n`);
    this.out.write(`${this.style.bold(wrap(this.t(b.text), this.width, 0))}\n`);
    if (b.note) this.out.write(`${this.style.dim(wrap(this.t(b.note), this.width, 0))}\n`);
    type Choice = { type: 'answer'; level: string } | { type: 'back' } | { type: 'review' };
    const choices: Array<{ name: string; value: Choice } | Separator> = q.levels.map((l) => ({ name: this.levelText(l), value: { type: 'answer' as const, level: l.id } }));
    choices.push(new Separator(' '));
    if (step.position.index > 0) choices.push({ name: this.m.interview.back, value: { type: 'back' } });
    choices.push({ name: this.m.interview.toReview, value: { type: 'review' } });
    // Only a saved answer is highlighted: on an unanswered question nothing is, and Enter alone does nothing.
    const saved = choices.find((c): c is { name: string; value: Choice } => !(c instanceof Separator) && c.value.type === 'answer' && c.value.level === step.previous);
    return levelPrompt<Choice>({
      message: this.m.interview.levelPrompt,
      choices,
      ...(saved ? { default: saved.value } : {}),
      nothingChosen: this.m.flow.nothingChosen,
      help: this.style.dim(this.m.interview.keysHelp),
    });
  }

  private async reviewStep(q: Questionnaire, step: ReviewStep, levelLabel: (id: string) => string): Promise<AnswerEvent> {
    this.resetContext();
    this.out.write(`\n${this.style.bold(this.m.interview.reviewTitle(step.answered, step.total))}\n`);
    if (step.missing.length > 0) this.out.write(`${this.style.warn(this.m.interview.reviewMissing(step.missing.length))}\n`);
    this.out.write(`${wrap(step.flagged.length === 0 ? this.m.interview.reviewNone : this.m.interview.reviewFlagged(step.flagged.length), this.width, 0)}\n`);
    type Choice = { type: 'jump'; behaviourId: string } | { type: 'continue' } | { type: 'submit' } | { type: 'back' };
    const choices: Array<{ name: string; value: Choice } | Separator> = [];
    if (step.missing.length > 0) {
      choices.push({ name: this.m.interview.continueAnswering, value: { type: 'continue' } });
    } else {
      choices.push({ name: this.m.interview.submit, value: { type: 'submit' } });
    }
    for (const f of step.flagged) {
      const text = this.t(f.behaviour.text);
      const short = text.length > this.width - 30 ? `${text.slice(0, this.width - 31)}…` : text;
      choices.push({ name: `${f.behaviour.id}  [${levelLabel(f.level)}]  ${short}`, value: { type: 'jump', behaviourId: f.behaviour.id } });
    }
    choices.push(new Separator(' '));
    choices.push({ name: this.m.interview.back, value: { type: 'back' } });
    void q;
    return select<Choice>({ message: this.m.interview.reviewPrompt, choices, loop: false, pageSize: Math.min(choices.length, 15), theme: this.keys() });
  }
}
