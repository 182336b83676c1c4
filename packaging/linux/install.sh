#!/bin/sh
# Install the built app (dist/facilitator-app/, from `make package`) with its desktop entry,
# AppStream metainfo, icons and the .workshop MIME type, so that a double click on a .workshop
# file opens it. The build copies this folder into dist/facilitator-app/linux/, so the same
# script works from the source tree and from an unpacked copy of the built folder.
#
#   packaging/linux/install.sh                               for you alone, under ~/.local
#   sudo packaging/linux/install.sh --prefix /usr/local      for every user
#   packaging/linux/install.sh --uninstall [--prefix DIR]    remove what it installed
#
# The app goes to PREFIX/lib/facilitator-app/ and PREFIX/bin/facilitator-app links to it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/../facilitator-app" ] && [ -d "$here/../_internal" ]; then
  dist=$(cd "$here/.." && pwd)  # run from the built folder: facilitator-app/linux/install.sh
else
  dist="$here/../../dist/facilitator-app"  # run from the source tree: packaging/linux/
fi
prefix="$HOME/.local"
uninstall=no

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --dist) dist="$2"; shift 2 ;;
    --uninstall) uninstall=yes; shift ;;
    -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

app="facilitator-app"
appstream_id="io.github.facilitator_app"
mime_xml="facilitator-app-workshop.xml"
share="$prefix/share"
sizes="16 32 48 64 128 256 512"

refresh() {
  # Rebuild the caches the desktop reads; each tool is optional.
  if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$share/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
  fi
}

if [ "$uninstall" = yes ]; then
  rm -rf "$prefix/lib/$app"
  rm -f "$prefix/bin/$app" "$share/applications/$app.desktop" \
        "$share/metainfo/$appstream_id.metainfo.xml" "$share/mime/packages/$mime_xml" \
        "$share/icons/hicolor/scalable/apps/$app.svg"
  for size in $sizes; do rm -f "$share/icons/hicolor/${size}x$size/apps/$app.png"; done
  refresh
  echo "install.sh: removed $app from $prefix"
  exit 0
fi

if [ ! -x "$dist/$app" ]; then
  echo "install.sh: $dist/$app not found; run \`make package\` first" >&2
  exit 1
fi
svg="$dist/_internal/facilitator_app/resources/icons/$app.svg"  # the app's own window icon
hicolor="$dist/linux/hicolor"  # the build renders the PNGs from the SVG

mkdir -p "$prefix/lib" "$prefix/bin"
rm -rf "$prefix/lib/$app.new"
cp -a "$dist" "$prefix/lib/$app.new"
rm -rf "$prefix/lib/$app"
mv "$prefix/lib/$app.new" "$prefix/lib/$app"
ln -sf "$prefix/lib/$app/$app" "$prefix/bin/$app"

# The desktop entry names the installed executable by its full path: PREFIX/bin need not be on
# the PATH of the desktop session. A path with spaces is quoted, as the specification asks.
case "$prefix" in
  *' '*) exec_path="\"$prefix/bin/$app\"" ;;
  *) exec_path="$prefix/bin/$app" ;;
esac
mkdir -p "$share/applications"
sed -e "s|^Exec=$app|Exec=$exec_path|" -e "s|^TryExec=$app|TryExec=$prefix/bin/$app|" \
  "$here/$app.desktop" > "$share/applications/$app.desktop"
chmod 644 "$share/applications/$app.desktop"

install -D -m 644 "$here/$appstream_id.metainfo.xml" "$share/metainfo/$appstream_id.metainfo.xml"
install -D -m 644 "$here/$mime_xml" "$share/mime/packages/$mime_xml"
install -D -m 644 "$svg" "$share/icons/hicolor/scalable/apps/$app.svg"
for size in $sizes; do
  install -D -m 644 "$hicolor/${size}x$size/apps/$app.png" \
    "$share/icons/hicolor/${size}x$size/apps/$app.png"
done
refresh
echo "install.sh: installed $app in $prefix"
