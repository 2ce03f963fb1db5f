// Builds the OpenAPI 3.1 document from the route table, so the description cannot drift from what the server does.
import { openApiParameter } from "./params.js";
import type { Route } from "./routes.js";
import { componentSchemas, pageSchema } from "./schemas.js";

const ERROR_TEXT: Record<number, string> = {
  400: "a bad parameter or body (the message names it)",
  401: "no or wrong bearer token (when the server has one)",
  403: "the server is read-only, or the write comes from another origin",
  404: "unknown id",
  405: "wrong method",
  413: "body over the size limit",
  415: "body not application/json",
  422: "the input holds no article that can be extracted",
  503: "too many extractions at once",
};

function responseSchema(schema: Route["responses"][number]["schema"]): Record<string, unknown> | undefined {
  if (!schema) return undefined;
  if (typeof schema === "string") return { $ref: `#/components/schemas/${schema}` };
  return pageSchema(schema.page);
}

export function buildOpenApi(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1], in: "path", required: true, schema: { type: "string" }, description: route.pathParams?.[m[1]!] ?? m[1],
    }));
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      const schema = responseSchema(r.schema);
      responses[status] = schema ? { description: r.description, content: { [r.type ?? "application/json"]: { schema } } } : { description: r.description };
    }
    const errors = new Set<number>([405]);
    if (route.query.length) errors.add(400);
    if (route.path.includes("{")) errors.add(404);
    if (route.body) for (const s of [400, 413, 415, 422, 503]) errors.add(s);
    if (route.write) for (const s of [401, 403]) errors.add(s);
    for (const status of [...errors].sort()) {
      responses[String(status)] = { description: ERROR_TEXT[status], content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
    }
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...pathParams, ...route.query.map(openApiParameter)],
      responses,
    };
    if (route.description) operation.description = route.description;
    if (route.body) {
      operation.requestBody = { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${route.body}` } } } };
    }
    if (route.write) operation.security = [{}, { bearer: [] }];
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "claimline",
      version,
      description: "Who said what, how many, how sure, where and when: article records and cross-article views. JSON in and out, UTF-8.",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "needed by write endpoints when the server was started with --token" } },
    },
  };
}
