import { ok, type HandlerTable } from './types.js';

/** System: health and the metadata the web app puts in its page head. */
export const systemHandlers = {
  getHealthCheck: () => ok('getHealthCheck', { data: true }),
  getMetaData: (ctx) => {
    const org = ctx.store.organizations.get(ctx.store.world.mainOrganizationId);
    return ok('getMetaData', {
      metaTitle: `WapiKit | ${org?.name ?? 'Mock'}`,
      metaDescription: org?.description ?? 'A WhatsApp Business inbox served by wapikit-mock.',
      ...(org?.faviconUrl ? { faviconUrl: org.faviconUrl } : {}),
    });
  },
} satisfies Partial<HandlerTable>;
