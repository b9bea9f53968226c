// custom-elements-manifest analyzer configuration (read by `npm run analyze` and
// scripts/check-manifest.js). The manifest describes the public API: private and protected members (`#x`,
// `private`, `protected`) and the text of stylesheets are implementation details, and keeping them out means a
// private refactor does not change custom-elements.json.
/** @type {import('@custom-elements-manifest/analyzer').Config} */
export default {
  plugins: [
    {
      name: 'otel-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules ?? []) {
          for (const declaration of module.declarations ?? []) {
            if (Array.isArray(declaration.members)) {
              declaration.members = declaration.members.filter(
                (member) =>
                  member.privacy !== 'private' && member.privacy !== 'protected' && !member.name?.startsWith('#'),
              );
            }
            if (
              declaration.kind === 'variable' &&
              typeof declaration.default === 'string' &&
              declaration.default.startsWith('css`')
            ) {
              delete declaration.default;
            }
          }
        }
      },
    },
  ],
};
