#!/usr/bin/env bash
# Set up the project on a fresh machine: system packages (where apt is available) and .venv.
#   scripts/setup.sh          what the product needs
#   scripts/setup.sh --test   also what the tests need (Chromium for the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Debian packages: the German-English word list and the German thesaurus (read at run time, GPL
# and LGPL, never copied into the repo) and, for the tests, Chromium with its driver.
apt_packages=()
[ -f /usr/share/trans/de-en ] || apt_packages+=(trans-de-en)
[ -f /usr/share/openthesaurus-de/openthesaurus.txt ] || apt_packages+=(openthesaurus-de-text)
if [ "$want_test" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  apt_packages+=(chromium chromium-driver)
fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "setup: installing Debian packages: ${apt_packages[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
  else
    echo "setup: no apt-get here; install these yourself for full quality/tests: ${apt_packages[*]}" >&2
  fi
fi

# Python packages into .venv; torch is pinned to the CPU wheel through constraints.txt.
python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=""
[ "$want_test" = 1 ] && extras="[test]"
stamp=".venv/.installed$extras"
wanted="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "setup: installing Python packages into .venv (first time: a few minutes)"
  # (the filter drops pip's notes about extra local package folders this machine may not have)
  .venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e ".$extras" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$wanted" > "$stamp"
fi
