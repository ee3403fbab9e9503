#!/bin/sh
# jixiao offline installer for Linux: no root rights, no network.
# It makes .venv beside this file, installs jixiao from wheels/ and writes the `jixiao` launcher.
# Every path is quoted, so Chinese names and spaces in the folder are fine.
set -eu

HERE=$(dirname "$(readlink -f "$0")")

PY=""
for candidate in python3.14 python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 14) else 1)' 2>/dev/null; then
        PY=$candidate
        break
    fi
done
if [ -z "$PY" ]; then
    echo "未找到 Python 3.11 至 3.14。请先用系统的软件包安装 python3 与 python3-venv。" >&2
    exit 1
fi
echo "使用的 Python：$(command -v "$PY")"

if ! "$PY" -m venv --clear "$HERE/.venv"; then
    echo "创建 .venv 失败。Debian/Ubuntu 上请先安装 python3-venv；并确认本文件夹可写。" >&2
    exit 1
fi

if ! "$HERE/.venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    --no-index --find-links "$HERE/wheels" jixiao; then
    echo "安装失败。请把上面的信息发给负责信息化的同事。" >&2
    exit 1
fi

# The launcher runs the console script through the venv's python, so it keeps working
# when the whole folder is moved (a script's own #! line holds the old absolute path).
cat >"$HERE/jixiao" <<'LAUNCHER'
#!/bin/sh
# jixiao launcher written by install.sh.
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/.venv/bin/python" "$HERE/.venv/bin/jixiao" "$@"
LAUNCHER
chmod +x "$HERE/jixiao"

"$HERE/jixiao" --version
echo "安装完成。用 $HERE/jixiao 打开程序（可把它链接到 ~/.local/bin/jixiao）。"
