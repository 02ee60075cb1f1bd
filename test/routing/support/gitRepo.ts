import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";

/** A new git repository in `dir`; the returned function runs git there, committing as a fixed author. */
export function gitRepo(dir: string): (...args: string[]) => void {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => {
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: dir, stdio: "pipe" });
  };
  git("init", "-q");
  return git;
}
