/** Every `guidedesk` command by name. Adding a command: a file here and one line in this table. */
import type { Command } from '../context';
import { check } from './check';
import { changes } from './changes';
import { diff } from './diff';
import { search } from './search';
import { show, versions } from './show';

export const commands: Readonly<Record<string, Command>> = { check, show, versions, diff, changes, search };
