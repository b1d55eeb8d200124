# The kit's runtime image, built on GitHub's runner from a public base (the runner reaches Docker Hub);
# tagged as .sockspec/runtime/image says, which is how the kit finds it (docs/classroom.md).
FROM debian:bookworm-slim
COPY packages /tmp/packages
RUN apt-get update \
 && grep -v '^#' /tmp/packages | xargs apt-get install -y --no-install-recommends \
 && rm -rf /var/lib/apt/lists/* /tmp/packages
COPY setup.sh /tmp/setup.sh
RUN sh /tmp/setup.sh && rm /tmp/setup.sh
