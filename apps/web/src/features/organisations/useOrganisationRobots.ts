import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteOrganisationRobot,
  listOrganisationRobots,
  listRobotDeliveries,
  type RobotPlatform,
  saveOrganisationRobot,
  type SaveRobotDto,
} from '../../api/rectify-api';

const robotsKey = (organisationId: string) => ['organisation-robots', organisationId] as const;

/** The organisation's group robots (masked, no secrets), for its administrators. */
export const useOrganisationRobots = (organisationId: string) =>
  useQuery({
    queryKey: robotsKey(organisationId),
    queryFn: () => listOrganisationRobots({ id: organisationId }),
  });

/** The organisation's robots' failed deliveries, newest first (the 20 latest). */
export const useFailedRobotDeliveries = (organisationId: string) =>
  useQuery({
    queryKey: [...robotsKey(organisationId), 'failed'],
    queryFn: () => listRobotDeliveries({ id: organisationId, status: 'failed', limit: 20 }),
  });

/** Saves or deletes one platform's robot; the robots and their deliveries reload after. */
export function useRobotAdmin(organisationId: string) {
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: robotsKey(organisationId) });
  const save = useMutation({
    mutationFn: ({ platform, changes }: { platform: RobotPlatform; changes: SaveRobotDto }) =>
      saveOrganisationRobot({ id: organisationId, platform, saveRobotDto: changes }),
    onSuccess: reload,
  });
  const remove = useMutation({
    mutationFn: (platform: RobotPlatform) => deleteOrganisationRobot({ id: organisationId, platform }),
    onSuccess: reload,
  });
  return { save, remove };
}
