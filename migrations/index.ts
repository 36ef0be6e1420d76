import type { Migration } from 'kysely';
import * as m0001 from './0001-init.js';
import * as m0002 from './0002-list-indexes.js';
import * as m0003 from './0003-settings.js';
import * as m0004 from './0004-trash.js';
import * as m0005 from './0005-merge.js';
import * as m0006 from './0006-interactions.js';
import * as m0007 from './0007-deals.js';
import * as m0008 from './0008-tasks.js';
import * as m0009 from './0009-leads.js';
import * as m0010 from './0010-name-stem-in-app.js';
import * as m0011 from './0011-lead-interactions.js';
import * as m0012 from './0012-tag-uses.js';
import * as m0013 from './0013-task-indexes.js';
import * as m0014 from './0014-lead-search.js';
import * as m0015 from './0015-lead-list-indexes.js';

/**
 * Every migration, in order. A static list rather than a folder read at run time, so the bundled app
 * and the tests apply exactly the same set.
 */
export const migrations: Record<string, Migration> = {
  '0001-init': m0001,
  '0002-list-indexes': m0002,
  '0003-settings': m0003,
  '0004-trash': m0004,
  '0005-merge': m0005,
  '0006-interactions': m0006,
  '0007-deals': m0007,
  '0008-tasks': m0008,
  '0009-leads': m0009,
  '0010-name-stem-in-app': m0010,
  '0011-lead-interactions': m0011,
  '0012-tag-uses': m0012,
  '0013-task-indexes': m0013,
  '0014-lead-search': m0014,
  '0015-lead-list-indexes': m0015,
};
