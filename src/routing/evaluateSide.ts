import { answerSide } from "./loadSides";

/** The process evaluating one side of a diff (see loadSides.ts). */
let input = "";
process.stdin.setEncoding("utf8").on("data", (chunk: string) => (input += chunk));
process.stdin.on("end", () => {
  answerSide(input).then(
    (answer) => process.stdout.write(answer, () => process.exit(0)),
    (error: unknown) => process.stdout.write(JSON.stringify({ warnings: [], error: String(error) }), () => process.exit(0)),
  );
});
