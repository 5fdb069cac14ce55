/**
 * The signed-in user: profile (with the current organization), notifications and the deployment's feature flags.
 */
import type { Store } from '../store/store.js';
import type { Schemas } from './api-types.js';
import { missing } from './errors.js';
import { serializeOrganization } from './organizations.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';

/** The constant flags of a community-edition server: every feature on, not cloud, not enterprise. */
export const FEATURE_FLAGS: Schemas['FeatureFlags'] = {
  SystemFeatureFlags: {
    isCloudEdition: false,
    isEnterpriseEdition: false,
    isRoleBasedAccessControlEnabled: true,
    isMultiOrganizationEnabled: true,
    isApiAccessEnabled: true,
    isAiIntegrationEnabled: true,
    isPluginIntegrationMarketplaceEnabled: true,
  },
};

export function featureFlags(): Schemas['FeatureFlags'] {
  return structuredClone(FEATURE_FLAGS);
}

function findUser(store: Store, userId: string) {
  const user = store.users.get(userId);
  if (!user) throw missing('User not found');
  return user;
}

/** `GET /user`: the user, and when the token is scoped to an organization, that organization and the user's access level in it. */
export function getUser(store: Store, userId: string, organizationId: string): Schemas['UserSchema'] {
  const user = findUser(store, userId);
  const member = organizationId ? store.memberOf(userId, organizationId) : undefined;
  const org = member ? store.organizations.get(organizationId) : undefined;
  return {
    uniqueId: user.uniqueId,
    username: user.username,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt,
    ...(user.profilePicture ? { profilePicture: user.profilePicture } : {}),
    ...(member ? { currentOrganizationAccessLevel: member.accessLevel } : {}),
    ...(org ? { organization: serializeOrganization(store, org) } : {}),
    featureFlags: featureFlags(),
    isOwner: member?.accessLevel === 'Owner',
  };
}

/** `POST /user`: sets the name and, when given, the profile picture (the real server's bug of clearing both is not reproduced). */
export function updateUser(store: Store, userId: string, body: Schemas['UpdateUserSchema']): void {
  const user = findUser(store, userId);
  user.name = body.name.trim(); // non-blank: the spec's pattern, checked by the router
  if (body.profilePicture !== undefined) {
    if (body.profilePicture === '') delete user.profilePicture;
    else user.profilePicture = body.profilePicture;
  }
}

export interface NotificationQuery extends PageRequest {
  sortBy?: 'asc' | 'desc';
}

/** `GET /user/notifications`: the user's notifications, newest first unless `sortBy=asc`, with the number still unread. */
export function listNotifications(store: Store, userId: string, q: NotificationQuery): Schemas['GetUserNotificationsResponseSchema'] {
  const mine = [...store.notifications.values()].filter((n) => n.userId === userId).sort(byCreatedAt(q.sortBy ?? 'desc'));
  return {
    unreadCount: mine.filter((n) => !n.read).length,
    notifications: pageOf(mine, q).map((n) => ({
      uniqueId: n.uniqueId,
      title: n.title,
      description: n.description,
      type: n.type,
      ...(n.ctaUrl ? { ctaUrl: n.ctaUrl } : {}),
      createdAt: n.createdAt,
      read: n.read,
      organizationId: n.organizationId,
    })),
    paginationMeta: meta(q, mine.length),
  };
}
