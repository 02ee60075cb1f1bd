import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, relative } from "node:path";

/**
 * The files of a git revision, extracted to a temporary directory so that the working tree (which
 * other people and tools may be using) is never checked out over.
 */
export interface RevisionTree {
  /** Where a path of the working tree (relative to the current directory, or absolute) is in the revision. */
  pathOf(path: string): string;
}

function git(args: string[], cwd: string, failure: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 20 }).trim();
  } catch {
    throw new Error(failure);
  }
}

/**
 * Programs import their dependencies, which git does not hold: the revision borrows the working
 * tree's `node_modules` directories on the way down to the source.
 */
function linkDependencies(worktree: string, tree: string, repoPath: string): void {
  for (let dir = repoPath; ; dir = dirname(dir)) {
    const installed = join(worktree, dir, "node_modules");
    const link = join(tree, dir, "node_modules");
    if (existsSync(installed) && existsSync(join(tree, dir)) && !existsSync(link)) symlinkSync(installed, link, "junction");
    if (dir === "." || dir === dirname(dir)) return;
  }
}

/** Runs `use` with the revision `ref` of the repository around `cwd`, then deletes the extracted files. */
export async function withRevision<T>(ref: string, use: (tree: RevisionTree) => Promise<T>, cwd = process.cwd()): Promise<T> {
  const worktree = git(["rev-parse", "--show-toplevel"], cwd, `${cwd} is not inside a git repository`);
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd, `"${ref}" is not a git revision of ${worktree}`);
  const cwdInRepo = git(["rev-parse", "--show-prefix"], cwd, `${cwd} is not inside a git repository`);
  const scratch = mkdtempSync(join(tmpdir(), "livekit-sip-revision-"));
  try {
    const tree = join(scratch, "tree");
    mkdirSync(tree);
    const archive = join(scratch, "revision.tar");
    git(["archive", "--format=tar", `--output=${archive}`, commit], worktree, `git archive ${ref} failed`);
    execFileSync("tar", ["-xf", archive, "-C", tree]);
    const pathOf = (path: string) => {
      const repoPath = isAbsolute(path) ? relative(realpathSync(worktree), existsSync(path) ? realpathSync(path) : path) : join(cwdInRepo, path);
      if (repoPath.startsWith("..") || isAbsolute(repoPath)) throw new Error(`${path} is outside the git repository ${worktree}`);
      if (!existsSync(join(tree, repoPath))) throw new Error(`${path} does not exist in ${ref}`);
      linkDependencies(worktree, tree, repoPath);
      return join(tree, repoPath);
    };
    return await use({ pathOf });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
