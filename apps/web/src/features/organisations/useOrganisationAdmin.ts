import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  activateOrganisation,
  createOrganisation,
  type CreateOrganisationDto,
  deactivateOrganisation,
  editOrganisation,
  type EditOrganisationDto,
  moveOrganisation,
} from '../../api/rectify-api';

/**
 * Administering the organisation tree (组织管理): add below, rename or change the kind, move,
 * disable and enable. Each reloads every organisation query (the tree and the pickers) after.
 */
export function useOrganisationAdmin() {
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: ['organisations'] });
  const add = useMutation({
    mutationFn: (dto: CreateOrganisationDto) => createOrganisation({ createOrganisationDto: dto }),
    onSuccess: reload,
  });
  const edit = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: EditOrganisationDto }) =>
      editOrganisation({ id, editOrganisationDto: changes }),
    onSuccess: reload,
  });
  const move = useMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string }) =>
      moveOrganisation({ id, moveOrganisationDto: { parentId } }),
    onSuccess: reload,
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active ? activateOrganisation({ id }) : deactivateOrganisation({ id }),
    onSuccess: reload,
  });
  return { add, edit, move, setActive };
}
