import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appVersion } from '../../config/env.js';
import type { AppDeps } from '../../app/deps.js';
import { AppError } from './errors.js';
import { issueMessages, problem } from './problem.js';

z.config(z.locales.id());

export type App = FastifyInstance;

/** Client addresses come from X-Forwarded-For only behind proxies the operator names. */
function parseTrustProxy(v: string): boolean | string | string[] {
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  return list.length === 1 ? list[0] : list;
}

/** Fastify with zod validation, OpenAPI, security headers, rate limits and problem+json errors. */
export async function createHttp(deps: AppDeps): Promise<FastifyInstance> {
  const { env } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Plain-http installs on the Pemda LAN must keep working: upgrade only behind https.
        upgradeInsecureRequests: env.PUBLIC_URL?.startsWith('https') ? [] : null,
      },
    },
    strictTransportSecurity: env.PUBLIC_URL?.startsWith('https') ? undefined : false,
  });
  await app.register(rateLimit, {
    max: env.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    errorResponseBuilder: () => new AppError(429, 'error.rate_limited'),
  });
  await app.register(multipart, { limits: { fileSize: env.MAX_UPLOAD_MB * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Persada API', version: appVersion, description: 'Platform Persandian Daerah' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'persada_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((err: any, req, reply) => {
    let status = 500;
    let body;
    if (err instanceof AppError) {
      status = err.status;
      body = problem(status, err.key, { fields: err.fields, requestId: req.id });
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const fields = err.validation.map((v) => {
        const m = issueMessages({ ...(v.params as object), code: v.keyword, message: v.message } as any);
        const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { field: where, message: m.id, message_en: m.en };
      });
      body = problem(400, 'error.validation', { fields, requestId: req.id });
    } else if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.statusCode === 413) {
      status = 413;
      body = problem(413, 'error.payload_too_large', { requestId: req.id });
    } else if (err.statusCode === 429) {
      status = 429;
      body = problem(429, 'error.rate_limited', { requestId: req.id });
    } else if (err.code === '23505') {
      status = 409;
      body = problem(409, 'error.conflict', { requestId: req.id });
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = problem(status, status === 404 ? 'error.not_found' : 'error.bad_request', { requestId: req.id });
    } else {
      req.log.error({ err }, 'unhandled error');
      body = problem(500, 'error.internal', { requestId: req.id });
    }
    reply.status(status).type('application/problem+json').send(body);
  });

  return app;
}

/** Serves the built web app with an SPA fallback, after all API routes are registered. */
export async function serveWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    reply.status(404).type('application/problem+json').send(problem(404, 'error.not_found', { requestId: req.id }));
  });
}
