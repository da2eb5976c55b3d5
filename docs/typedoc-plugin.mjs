// SPDX-License-Identifier: MIT
/**
 * tsqt's TypeDoc plugin: lays class pages out like Qt's reference pages and keeps doc rot out.
 *
 * - A member whose type is `Signal<...>` goes to the "Signals" group; a member tagged
 *   `@group Slots` goes to "Public Slots" (Qt's heading). Nothing in src/ has to remember the tag
 *   for signals: the type decides.
 * - The static enum objects of a class (`QAbstractSocket.SocketState`) go to "Enums", and their
 *   PyQt-style unscoped values (`QAbstractSocket.BoundState`) to "Enum values", at the end of the
 *   page, instead of opening it with dozens of constants.
 * - In every group, the class's own members come before the inherited ones.
 * - Every class must link to a Qt 6 page (`https://doc.qt.io/qt-6/...`) in its comment: a class
 *   without one is a warning, which `treatWarningsAsErrors` turns into a failed build.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

const QT6 = 'https://doc.qt.io/qt-6/';

/** @param {import('typedoc').Type | undefined} type */
function isSignalType(type) {
  return type?.type === 'reference' && type.name === 'Signal';
}

/** @param {import('typedoc').DeclarationReflection} member */
function memberType(member) {
  if (member.kindOf(ReflectionKind.Accessor)) return member.getSignature?.type;
  return member.type;
}

/**
 * Puts `group` in the comment that TypeDoc's GroupPlugin reads for `member`.
 * @param {import('typedoc').DeclarationReflection} member
 * @param {string} group
 */
function setGroup(member, group) {
  const holders = [member.comment, member.getSignature?.comment, ...(member.signatures ?? []).map((s) => s.comment)];
  let done = false;
  for (const c of holders) {
    if (!c) continue;
    c.blockTags = c.blockTags.filter((t) => t.tag !== '@group');
    if (!done) c.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: group }]));
    done = true;
  }
  if (!done) member.comment = new Comment([], [new CommentTag('@group', [{ kind: 'text', text: group }])]);
}

/** @param {import('typedoc').Comment | undefined} c */
function groupOf(c) {
  const t = c?.blockTags.find((x) => x.tag === '@group');
  return t ? Comment.combineDisplayParts(t.content).trim() : undefined;
}

/** @param {import('typedoc').Comment | undefined} c */
function linksQt6(c) {
  if (!c) return false;
  const parts = [...c.summary, ...c.blockTags.flatMap((t) => t.content)];
  return parts.some((p) => (p.kind === 'inline-tag' && String(p.target ?? p.text).includes(QT6)) || p.text.includes(QT6));
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const cls of context.project.getReflectionsByKind(ReflectionKind.Class)) {
        if (!linksQt6(cls.comment)) {
          app.logger.warn(`${cls.getFullName()}: the class comment has no link to its Qt 6 page (${QT6}...)`);
        }
        for (const m of cls.children ?? []) {
          const type = memberType(m);
          const explicit = groupOf(m.comment) ?? groupOf(m.getSignature?.comment) ?? groupOf(m.signatures?.[0]?.comment);
          if (isSignalType(type)) setGroup(m, 'Signals');
          else if (explicit === 'Slots') setGroup(m, 'Public Slots');
          else if (m.flags.isStatic && m.kindOf(ReflectionKind.Property) && type?.type === 'literal' && typeof type.value === 'number') {
            setGroup(m, 'Enum values');
          } else if (
            m.flags.isStatic && m.kindOf(ReflectionKind.Property) && type?.type === 'reflection' &&
            (type.declaration.children ?? []).length > 0 &&
            type.declaration.children.every((c) => c.type?.type === 'literal')
          ) {
            setGroup(m, 'Enums');
          }
        }
      }
    },
    50,
  );
  // After TypeDoc's GroupPlugin (priority -100): own members first, inherited ones after.
  app.converter.on(
    Converter.EVENT_RESOLVE_END,
    (context) => {
      for (const cls of context.project.getReflectionsByKind(ReflectionKind.Class)) {
        for (const g of cls.groups ?? []) {
          const own = g.children.filter((c) => !(c.isDeclaration() && c.flags.isInherited));
          const inherited = g.children.filter((c) => c.isDeclaration() && c.flags.isInherited);
          g.children = [...own, ...inherited];
        }
      }
    },
    -200,
  );
}
