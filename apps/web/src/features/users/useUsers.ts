import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  activateUser,
  createUser,
  type CreateUserDto,
  deactivateUser,
  editUser,
  type EditUserDto,
  listUsers,
  type PositionGrantDto,
  resetUserPassword,
  setUserPositions,
} from '../../api/rectify-api';
import { type PositionKind } from '../../api/generated/vocabulary';

/** The people list's filters (GET /api/users); pages count from 1. */
export interface UserFilters {
  q?: string;
  organisationId?: string;
  positionKind?: PositionKind;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

const USERS_KEY = ['users'] as const;

/** One page of the people list; the previous page stays on screen while the next loads. */
export const useUserList = (filters: UserFilters) =>
  useQuery({
    queryKey: [...USERS_KEY, filters],
    queryFn: () => listUsers(filters),
    placeholderData: keepPreviousData,
  });

/** Adding people, edits, positions, deactivation, reactivation and password resets; each reloads the list after. */
export function useUserCommands() {
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
  const create = useMutation({
    mutationFn: (person: CreateUserDto) => createUser({ createUserDto: person }),
    onSuccess: reload,
  });
  const setPositions = useMutation({
    mutationFn: ({ id, positions }: { id: string; positions: PositionGrantDto[] }) =>
      setUserPositions({ id, setPositionsDto: { positions } }),
    onSuccess: reload,
  });
  const edit = useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: EditUserDto }) =>
      editUser({ id, editUserDto: changes }),
    onSuccess: reload,
  });
  const setActive = useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active ? activateUser({ id }) : deactivateUser({ id }),
    onSuccess: reload,
  });
  // The one-time password lives only in this mutation's result: never in the query cache.
  const resetPassword = useMutation({
    mutationFn: (id: string) => resetUserPassword({ id }),
    onSuccess: reload,
  });
  return { create, edit, setPositions, setActive, resetPassword };
}
