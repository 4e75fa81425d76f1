// Every dialect, loaded eagerly: for tests and tools (the UI uses loadDialect).

import { c } from "./c";
import type { Dialect, TargetLanguage } from "./core";
import { csharp } from "./csharp";
import { java } from "./java";
import { python } from "./python";

export const DIALECTS: Record<TargetLanguage, Dialect> = { csharp, java, python, c };
