/** The tool's structured result, as the C# record Greeting serializes it. */
export interface Greeting {
  message: string;
  name: string;
  greetedAt: string;
  locale?: string | null;
}
