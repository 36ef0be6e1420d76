import authEn from './auth.en.json';
import authZh from './auth.zh-CN.json';
import backupsEn from './backups.en.json';
import backupsZh from './backups.zh-CN.json';
import coreEn from './core.en.json';
import coreZh from './core.zh-CN.json';
import customersEn from './customers.en.json';
import customersZh from './customers.zh-CN.json';
import exportEn from './export.en.json';
import exportZh from './export.zh-CN.json';
import historyEn from './history.en.json';
import historyZh from './history.zh-CN.json';
import importEn from './import.en.json';
import importZh from './import.zh-CN.json';
import lanEn from './lan.en.json';
import liveEn from './live.en.json';
import permissionsEn from './permissions.en.json';
import permissionsZh from './permissions.zh-CN.json';
import setupEn from './setup.en.json';
import setupZh from './setup.zh-CN.json';
import liveZh from './live.zh-CN.json';
import lanZh from './lan.zh-CN.json';
import leadsEn from './leads.en.json';
import leadsZh from './leads.zh-CN.json';
import opportunitiesEn from './opportunities.en.json';
import opportunitiesZh from './opportunities.zh-CN.json';
import mergeEn from './merge.en.json';
import mergeZh from './merge.zh-CN.json';
import searchEn from './search.en.json';
import searchZh from './search.zh-CN.json';
import timelineEn from './timeline.en.json';
import timelineZh from './timeline.zh-CN.json';
import trashEn from './trash.en.json';
import trashZh from './trash.zh-CN.json';
import tasksEn from './tasks.en.json';
import tasksZh from './tasks.zh-CN.json';

// One pair of files per area (<area>.en.json, <area>.zh-CN.json), so areas are translated and
// changed independently; their top-level keys must not collide.
export const en = {
  ...coreEn,
  ...authEn,
  ...searchEn,
  ...customersEn,
  ...trashEn,
  ...historyEn,
  ...importEn,
  ...exportEn,
  ...lanEn,
  ...liveEn,
  ...setupEn,
  ...permissionsEn,
  ...tasksEn,
  ...opportunitiesEn,
  ...backupsEn,
  ...timelineEn,
  ...leadsEn,
  ...mergeEn,
};

// Typed as the English resources, so a key missing from a Chinese file fails the type check.
export const zhCN: typeof en = {
  ...coreZh,
  ...authZh,
  ...searchZh,
  ...customersZh,
  ...trashZh,
  ...historyZh,
  ...importZh,
  ...exportZh,
  ...lanZh,
  ...liveZh,
  ...setupZh,
  ...permissionsZh,
  ...tasksZh,
  ...opportunitiesZh,
  ...backupsZh,
  ...timelineZh,
  ...leadsZh,
  ...mergeZh,
};
