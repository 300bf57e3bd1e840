/**
 * A line of text, like Inquirer's input, with one more key: Esc resolves to
 * `ESCAPED` (the commitment step uses it to skip all the remaining
 * behaviours), and an optional check refuses a value with a message and asks
 * again. Loaded with prompts.ts.
 *
 * NOTE: @inquirer/input ignores Esc and offers no way to add a key.
 */
import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';

export const ESCAPED = Symbol('escaped');

export interface TextPromptConfig {
  readonly message: string;
  /** An error message to show (and ask again), or undefined to accept. */
  readonly check?: (value: string) => string | undefined;
}

const prompt = createPrompt<string | typeof ESCAPED, TextPromptConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (key.name === 'escape') {
      setStatus('done');
      done(ESCAPED);
    } else if (isEnterKey(key)) {
      const problem = config.check?.(value);
      if (problem === undefined) {
        setStatus('done');
        done(value);
      } else {
        // Enter cleared readline's line: put the value back to be corrected.
        rl.write(value);
        setError(problem);
      }
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  const shown = status === 'done' ? theme.style.answer(value) : value;
  return [`${prefix} ${message} ${shown}`, error ? theme.style.error(error) : undefined];
});

/** Asks for a line; resolves to the text as typed (not trimmed), or `ESCAPED`. */
export function textPrompt(config: TextPromptConfig): Promise<string | typeof ESCAPED> {
  return prompt(config);
}
