// Every command's options through one parser: node's parseArgs, with its errors turned into one line
// that names the option and the closest valid one ("unknown option "--fromat" (did you mean --format?)").
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { unknownMessage } from './suggest';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>;

/** The parsed options, or the one-line message that says what is wrong with them. */
export function parseOptions<O extends Options>(args: string[], options: O): Parsed<O> | { error: string } {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'([^']+)'/.exec(err.message)?.[1] ?? err.message;
      return { error: unknownMessage('option', given, Object.keys(options)) };
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([\w-]+)/.exec(err.message)?.[1];
      const spec = name ? options[name] : undefined;
      return { error: spec?.type === 'string' ? `--${name} needs a value` : `--${name ?? '?'} takes no value` };
    }
    return { error: err.message };
  }
}
