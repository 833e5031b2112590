#!/bin/bash
# Container health check: GET /readyz on the bot's own port through bash's /dev/tcp, so the image
# needs no curl or wget. Healthy only on an HTTP 200 status line; 503 (not ready, with its reason
# in the body), a refused connection or no answer within 3 s is unhealthy.
# Usage: healthcheck.sh [path]   (default /readyz; PORT defaults to 3000)
set -u
path="${1:-/readyz}"
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-3000}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 3 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1.1 200"* | "HTTP/1.0 200"*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}" >&2; exit 1 ;;
esac
