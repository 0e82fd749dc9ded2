# Passerelle container image.
#   docker build -t passerelle .                                   model mounted at /models/opus-mt-fr-en
#   docker build -t passerelle:baked --build-arg BAKE_MODEL=true . model fetched into the image
# BAKE_MODEL needs the Hub (or MODEL_MIRROR) at build time; MODEL_VARIANT is fp32, quantized or all.
ARG BAKE_MODEL=false
# Base images pinned to released versions, so a rebuild gets the same JDK and JRE. They are build
# arguments so that a machine without a registry can build on local stand-ins (tools/container/test.sh
# builds Debian 12 ones with its openjdk-17 packages). Refresh them
# (https://hub.docker.com/_/eclipse-temurin/tags) with each Java security release. The runtime is
# Java 17, the Java the project compiles for and CI tests on.
ARG BUILD_IMAGE=eclipse-temurin:17.0.15_6-jdk
ARG RUN_IMAGE=eclipse-temurin:17.0.15_6-jre

# ---- build: the Maven wrapper, dependencies first so they cache as their own layer
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Best effort: whatever go-offline misses is fetched by the package step below.
RUN ./mvnw -B -q dependency:go-offline || true
COPY src/ src/
RUN ./mvnw -B -q package -Dmaven.test.skip=true

# ---- model, either nothing (mounted at run time) or fetched and verified by fetch-model. One stage
# with a shell test rather than a stage chosen by name from BAKE_MODEL: every builder (BuildKit,
# Buildah/Podman) resolves it.
FROM build AS model
ARG BAKE_MODEL
ARG MODEL_VARIANT=fp32
ARG MODEL_MIRROR=
# true only for a plain-http mirror on a trusted network (the container test's local one).
ARG MODEL_MIRROR_ALLOW_HTTP=false
COPY models/opus-mt-fr-en.json models/opus-mt-fr-en.json
RUN mkdir -p /models \
 && if [ "${BAKE_MODEL}" = "true" ]; then \
      PASSERELLE_MODEL_MIRROR="${MODEL_MIRROR}" PASSERELLE_MODEL_ALLOW_INSECURE_MIRROR="${MODEL_MIRROR_ALLOW_HTTP}" java -jar target/quarkus-app/quarkus-run.jar fetch-model \
        --manifest models/opus-mt-fr-en.json --dir /models/opus-mt-fr-en --variant "${MODEL_VARIANT}"; \
    elif [ "${BAKE_MODEL}" != "false" ]; then echo "BAKE_MODEL must be true or false" >&2; exit 1; fi

# ---- run: Java 17 JRE, non-root, read-only friendly (everything written goes to /tmp)
FROM ${RUN_IMAGE}
RUN useradd --system --uid 10001 --gid 0 --home-dir /deployments --shell /usr/sbin/nologin passerelle
WORKDIR /deployments
# The application and the model belong to root and are read-only for the runtime user: a
# compromised process cannot rewrite the code or the weights it runs. It writes only to /tmp.
COPY --from=build /src/target/quarkus-app/ /deployments/
COPY models/opus-mt-fr-en.json /deployments/models/opus-mt-fr-en.json
COPY --from=model /models/ /models/
# The model's weights live in ONNX Runtime's native memory, not on the Java heap: keep the heap
# to a share of the container's memory and leave the rest to the model. The caches go to /tmp, the
# one writable place: DJL's native libraries, and XDG_CACHE_HOME for ONNX Runtime's telemetry id and
# JNA (without it ONNX Runtime warns on every start that it cannot write under the home directory).
ENV PASSERELLE_MODEL_DIR=/models/opus-mt-fr-en \
    DJL_OFFLINE=true \
    OPT_OUT_TRACKING=true \
    DJL_CACHE_DIR=/tmp/djl \
    XDG_CACHE_HOME=/tmp/.cache \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
USER 10001
# 8080: the API; 9000: the management interface (health, metrics, OpenAPI), for probes and Prometheus.
EXPOSE 8080 9000
ENTRYPOINT ["java", "-jar", "/deployments/quarkus-run.jar"]
