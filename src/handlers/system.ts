import { ok, type HandlerTable } from '../http/handler-types.js';
import type { HandlerDeps } from './context.js';

/** System: health and the metadata the web app puts in its page head. */
export function systemHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getHealthCheck: () => ok('getHealthCheck', { data: true }),
    getMetaData: () => {
      const org = store.organizations.get(store.world.mainOrganizationId);
      return ok('getMetaData', {
        metaTitle: `WapiKit | ${org?.name ?? 'Mock'}`,
        metaDescription: org?.description ?? 'A WhatsApp Business inbox served by wapikit-mock.',
        ...(org?.faviconUrl ? { faviconUrl: org.faviconUrl } : {}),
      });
    },
  };
}
