import { z } from "zod";
import { canRead, canWrite, categories, grantFor, type Filter } from "@orchestrator/db";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";
import { searchClients, searchInput, searchOutput } from "./search";

const option = z.object({ name: z.string(), label: z.string() });

export const coreRouter = createTRPCRouter({
  /** Who is signed in and what they may do: the UI hides what the user cannot use. */
  me: protectedProcedure
    .output(z.object({ user: z.string(), fullName: z.string(), roles: z.array(z.string()), departments: z.array(z.string()), grants: z.record(z.string(), z.object({ read: z.boolean(), write: z.boolean(), scope: z.enum(["all", "own_dept", "own_customer", "own_team"]) })) }))
    .query(({ ctx }) => {
      const p = ctx.principal;
      const grants = Object.fromEntries(categories.map((c) => [c, { read: canRead(p, c), write: canWrite(p, c), scope: grantFor(p, c).scope }]));
      return { user: p.user, fullName: p.fullName, roles: [...p.roles], departments: [...p.departments], grants };
    }),

  /** Options for forms and filters, each list already scoped (a user sees the templates they may read). */
  options: protectedProcedure
    .output(z.object({ departments: z.array(option), templates: z.array(option), programs: z.array(option) }))
    .query(async ({ ctx }) => {
      const s = ctx.scoped;
      const load = async (doctype: string, title: string, filters: Filter[] = []) =>
        s.canReadDoctype(doctype) ? (await s.list(doctype, { fields: ["name", title], filters, orderBy: [{ field: title, direction: "asc" }], limit: 0 })).map((r) => ({ name: String(r.name), label: String(r[title] ?? r.name) })) : [];
      // Group departments (the tree's inner nodes) hold no clients: not offered as a choice.
      const [departments, templates, programs] = await Promise.all([load("Department", "department_name", [{ field: "is_group", operator: "=", value: 0 }]), load("Medical Template", "title"), load("Program", "title")]);
      return { departments, templates, programs };
    }),

  /** The global search palette: clients the caller may list, by ID or name prefix (search.ts). */
  search: protectedProcedure
    .input(searchInput)
    .output(searchOutput)
    .query(async ({ ctx, input }) => ({ clients: await searchClients(ctx.scoped, input) })),
});
