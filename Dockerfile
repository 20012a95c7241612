# Build stage: compile TypeScript.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# No install-time telemetry (Scarf, pulled in by swagger-ui-dist) from the build.
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime stage: only the compiled app (migrations included) and production dependencies.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data SCARF_ANALYTICS=false DO_NOT_TRACK=1
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# DATA_DIR: the embedded database and a generated admin key, readable by the app's user only.
RUN install -d -m 0700 -o node -g node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Migrations as a deploy step: docker run … node dist/database/migrate.js (or npm run migration:run).
CMD ["node", "dist/main.js"]
