# syntax=docker/dockerfile:1
# One Dockerfile for the three services; docker-compose.yml picks the module with the SERVICE build arg:
#   docker build --build-arg SERVICE=incident-command -t veilig-werken/incident-command .

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# -am builds the modules the service needs (incident-api, platform) from this checkout, not from a registry.
# The cache mount keeps downloaded dependencies between builds of the three images. compose builds those
# images in parallel and Maven's local repository is not safe for concurrent writers (half-written jars and
# metadata), so sharing=locked makes each build wait for the cache instead of writing into it at the same time.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "$SERVICE" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; } && \
    mvn -B -q -pl "$SERVICE" -am package -DskipTests && \
    cp "$SERVICE/target/$SERVICE.jar" /app.jar

FROM eclipse-temurin:17-jre
# curl only for the container health check (GET /actuator/health); installed before ARG SERVICE so the
# three images share this layer
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --no-create-home --uid 10001 veiligwerken
ARG SERVICE
LABEL org.opencontainers.image.title="veilig-werken ${SERVICE}"
COPY --from=build /app.jar /app/app.jar
USER veiligwerken
# the container's memory limit, not the host's, decides the heap
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
