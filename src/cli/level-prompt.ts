/**
 * The question's menu: numbered choices like Inquirer's select, except that
 * nothing need be highlighted. On an unanswered question no level is
 * preselected and Enter with nothing chosen does nothing (it shows a hint), so
 * a held Enter (autorepeat) cannot answer questions unread; a level already
 * saved is highlighted when the member comes back to it.
 *
 * NOTE: built on @inquirer/core because `select` always highlights a choice;
 * moving that highlight to "← Câu trước" or "☰ Xem lại và nộp" would only turn
 * a held Enter into going back or opening the review. Loaded with prompts.ts.
 */
import { createPrompt, isDownKey, isEnterKey, isNumberKey, isUpKey, makeTheme, Separator, useKeypress, usePrefix, useRef, useState, type Status } from '@inquirer/core';

export interface LevelChoice<T> {
  readonly name: string;
  readonly value: T;
}

export interface LevelPromptConfig<T> {
  readonly message: string;
  /** Choices, numbered 1, 2, … in order (separators are not counted). */
  readonly choices: ReadonlyArray<LevelChoice<T> | Separator>;
  /** The choice highlighted at first (a saved answer); none when undefined. */
  readonly default?: T;
  /** Shown when Enter is pressed with nothing highlighted. */
  readonly nothingChosen: string;
  /** The help line under the choices. */
  readonly help: string;
  readonly theme?: { readonly style?: { readonly error?: (text: string) => string; readonly highlight?: (text: string) => string } };
}

const POINTER = '❯';
/** Hidden while choosing, as select does (the screen manager shows it again when done). */
const CURSOR_HIDE = '\x1b[?25l';

function isChoice<T>(item: LevelChoice<T> | Separator | undefined): item is LevelChoice<T> {
  return item !== undefined && !Separator.isSeparator(item);
}

/** Index of the next choice from `from` in direction `step`, or `from` at the end (no looping). */
function move<T>(items: ReadonlyArray<LevelChoice<T> | Separator>, from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < items.length; i += step) if (isChoice(items[i])) return i;
  return from;
}

const prompt = createPrompt<unknown, LevelPromptConfig<unknown>>(
  (config, done): string => {
    const theme = makeTheme({}, config.theme);
    const items = config.choices;
    const [status, setStatus] = useState<Status>('idle');
    const [active, setActive] = useState<number>(config.default === undefined ? -1 : items.findIndex((c) => isChoice(c) && c.value === config.default));
    const [hint, setHint] = useState<string | undefined>(undefined);
    const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
    const prefix = usePrefix({ status, theme });

    useKeypress((key, rl) => {
      clearTimeout(clearTimer.current);
      if (status !== 'idle') return;
      const chosen = items[active];
      if (isEnterKey(key)) {
        if (!isChoice(chosen)) {
          setHint(config.nothingChosen);
          return;
        }
        setStatus('done');
        done(chosen.value);
        return;
      }
      setHint(undefined);
      if (isUpKey(key) || isDownKey(key)) {
        rl.clearLine(0);
        const down = isDownKey(key);
        // From nothing highlighted, ↓ goes to the first choice and ↑ to the last.
        if (active < 0) setActive(down ? move(items, -1, 1) : move(items, items.length, -1));
        else setActive(move(items, active, down ? 1 : -1));
      } else if (isNumberKey(key) && !Number.isNaN(Number(rl.line))) {
        // As in select: the n-th choice, separators not counted; "12" is read whole.
        const wanted = Number(rl.line) - 1;
        let n = -1;
        const at = items.findIndex((c) => isChoice(c) && ++n === wanted);
        if (at >= 0) setActive(at);
        clearTimer.current = setTimeout(() => rl.clearLine(0), 700);
      } else {
        rl.clearLine(0);
      }
    });

    const message = theme.style.message(config.message, status);
    const chosen = items[active];
    if (status === 'done' && isChoice(chosen)) return `${prefix} ${message} ${theme.style.answer(chosen.name)}`;
    let n = 0;
    const lines = items.map((item, i) => {
      if (!isChoice(item)) return ` ${item.separator}`;
      n++;
      const line = `${i === active ? POINTER : ' '} ${n}. ${item.name}`;
      return i === active ? theme.style.highlight(line) : line;
    });
    return `${[`${prefix} ${message}`, ...lines, ' ', ...(hint ? [theme.style.error(hint)] : []), config.help].join('\n')}${CURSOR_HIDE}`;
  },
);

/** Asks for one choice; resolves to its value. Ctrl+C rejects with ExitPromptError, as every Inquirer prompt. */
export function levelPrompt<T>(config: LevelPromptConfig<T>, context?: Parameters<typeof prompt>[1]): Promise<T> {
  return prompt(config, context) as Promise<T>;
}
