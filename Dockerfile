# Linkfall, built once: the build stage compiles the server and bundles the browser pages with the
# dev dependencies; the runtime stage holds production dependencies, dist/, cypher/ and data/ only,
# runs as the unprivileged `node` user and fetches nothing when it starts.
#
#   docker build -t linkfall .
#   docker run -e NEO4J_URI=bolt://neo4j:7687 -e NEO4J_PASSWORD=... -p 4000:4000 linkfall
#
# Without NEO4J_URI the service would run its own Neo4j, which needs Java and Maven: not in this
# image. docker-compose.yml runs Neo4j beside it.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY cypher ./cypher
COPY data ./data
# The engine keeps its prepared graph here between starts (a cache; compose gives it a volume).
RUN mkdir -p /var/cache/linkfall && chown node:node /var/cache/linkfall
USER node
# MALLOC_MMAP_THRESHOLD_: glibc gives the engine's freed buffers back to the system (README, Configuration).
ENV HOST=0.0.0.0 \
    PORT=4000 \
    ENGINE_SNAPSHOT_FILE=/var/cache/linkfall/engine-snapshot.bin \
    MALLOC_MMAP_THRESHOLD_=131072
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=30 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli/start.js"]
