import { type BackupManifest } from './backup-archive';

/** One line about a backup: items, history lines, evidence files, organisations, schema level. */
export function describeBackup(manifest: BackupManifest): string {
  const count = (table: string) => manifest.counts[table] ?? 0;
  const level = manifest.migrations.at(-1) ?? '无';
  return (
    `组织 ${count('organisation')} 个、人员 ${count('app_user')} 人、整改事项 ${count('rectification_item')} 条、` +
    `历史记录 ${count('item_history')} 条、佐证材料 ${manifest.evidence.files} 个（${manifest.evidence.bytes} 字节），` +
    `数据库结构版本 ${level}，程序版本 ${manifest.productVersion}。`
  );
}
