import { OrganisationEntity, type OrganisationKind } from '@rectify/persistence';
import { cleanText } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { ApplicationError } from '../errors/application-error';
import { kindFromName } from './organisation-tree';

export interface AddOrganisationCommand {
  name: string;
  parentName?: string;
  kind?: OrganisationKind;
}

export async function addOrganisation(
  db: DataSource,
  command: AddOrganisationCommand,
): Promise<OrganisationEntity> {
  // The name heads the Word and Excel exports: no character XML forbids (see cleanText).
  const name = cleanText(command.name).trim();
  if (!name) throw new ApplicationError('INVALID_ARGUMENT', '组织名称不能为空。');
  return db.transaction(async (m) => {
    const repo = m.getRepository(OrganisationEntity);
    if (await repo.findOneBy({ name })) {
      throw new ApplicationError('ORGANISATION_EXISTS', `组织"${name}"已存在，无需重复添加。`, { name });
    }
    let parent: OrganisationEntity | null = null;
    if (command.parentName) {
      parent = await repo.findOneBy({ name: cleanText(command.parentName).trim() });
      if (!parent) {
        throw new ApplicationError(
          'ORGANISATION_NOT_FOUND',
          `上级组织"${command.parentName}"不存在：请先添加上级组织，或检查名称是否正确。`,
          { name: command.parentName },
        );
      }
    }
    const created = repo.create({
      name,
      kind: command.kind ?? kindFromName(name),
      parentId: parent?.id ?? null,
      path: '',
    });
    await repo.insert(created);
    created.path = `${parent?.path ?? '/'}${created.id}/`;
    await repo.update({ id: created.id }, { path: created.path });
    return created;
  });
}

export async function findOrganisationByName(db: DataSource, name: string): Promise<OrganisationEntity> {
  const org = await db.getRepository(OrganisationEntity).findOneBy({ name: name.trim() });
  if (!org) {
    throw new ApplicationError(
      'ORGANISATION_NOT_FOUND',
      `组织"${name}"不存在：请检查名称，或先用 "rectify orgs add" 添加该组织。`,
      { name },
    );
  }
  return org;
}
