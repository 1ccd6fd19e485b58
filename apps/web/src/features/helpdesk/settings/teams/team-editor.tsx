"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { EditorFrame } from "../editor-frame";
import { CheckboxList, FieldGroup, SelectInput, TextInput } from "../form-fields";
import { errorsUnder } from "../server-errors";
import { EditorSkeleton, LoadFailed } from "../states";
import type { SettingsOptions, TeamDoc, TeamDraft } from "../types";
import { useConfirmedDelete } from "../use-delete";
import { useSettingsEditor } from "../use-settings-editor";
import { useSettingsOptions, useSettingsOverview } from "../use-settings";
import { AssignmentRuleEditor } from "./assignment-rule-editor";

const LIST = "/helpdesk/settings/teams";

const draftFrom = (doc: TeamDoc): TeamDraft => ({ name: doc.name, description: doc.description, team_lead: doc.team_lead, members: doc.members, assignment_rule: doc.assignment_rule });
const newDraft = (): TeamDraft => ({ name: "", description: null, team_lead: null, members: [], assignment_rule: { strategy: "round_robin", maxOpenPerAgent: null } });

export function TeamEditor({ name }: { name?: string }) {
  const trpc = useTRPC();
  const team = useQuery({ ...trpc.helpdeskSettings.teams.get.queryOptions({ name: name ?? "" }), enabled: name !== undefined });
  const options = useSettingsOptions();
  const overview = useSettingsOverview();
  const header = <PageHeader title={name ?? "New team"} description="Who works the team's tickets and how new ones are assigned." />;
  if ((name !== undefined && team.isPending) || options.isPending || overview.isPending) return <>{header}<EditorSkeleton label="Loading the team" /></>;
  const failed = (name !== undefined && team.error) || options.error || overview.error;
  if (failed) return <>{header}<LoadFailed error={failed} what="Team" backHref={LIST} retry={() => void Promise.all([team.refetch(), options.refetch(), overview.refetch()])} /></>;
  return (
    <>
      {header}
      <TeamForm key={team.data?.modified ?? "new"} doc={team.data} options={options.data} canEdit={overview.data.canEdit} />
    </>
  );
}

function TeamForm({ doc, options, canEdit }: { doc: TeamDoc | undefined; options: SettingsOptions; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editor = useSettingsEditor(doc ? draftFrom(doc) : newDraft(), doc?.modified);
  const { draft, errors, update } = editor;
  const isNew = editor.modified === undefined;
  const disabled = !canEdit;

  const refreshLists = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.teams.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.overview.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.options.queryKey() })]);
  const save = useMutation(
    trpc.helpdeskSettings.teams.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Team ${saved.name} saved`);
        editor.reset(draftFrom(saved), saved.modified);
        queryClient.setQueryData(trpc.helpdeskSettings.teams.get.queryKey({ name: saved.name }), saved);
        await refreshLists();
        if (isNew) router.replace(`${LIST}/${encodeURIComponent(saved.name)}`);
      },
      onError: editor.onError,
    }),
  );
  const latest = () => queryClient.fetchQuery({ ...trpc.helpdeskSettings.teams.get.queryOptions({ name: draft.name }), staleTime: 0 });
  const remove = useMutation(trpc.helpdeskSettings.teams.delete.mutationOptions());
  const deletion = useConfirmedDelete(() => remove.mutateAsync({ name: draft.name }), `Team ${draft.name}`, LIST, refreshLists);

  // Members are agents; a member who is not (any more) stays listed so they can be removed.
  const userLabel = new Map(options.users.map((u) => [u.name, u.label]));
  const memberChoices = [...options.agents, ...draft.members.filter((m) => !options.agents.some((a) => a.name === m)).map((m) => ({ name: m, label: `${userLabel.get(m) ?? m} (not an agent)` }))];
  const memberError = Object.values({ ...errorsUnder(errors, "members"), ...errorsUnder(errors, "users") }).join(" ") || undefined;
  const leadChoices = draft.team_lead && !options.users.some((u) => u.name === draft.team_lead) ? [...options.users, { name: draft.team_lead, label: draft.team_lead }] : options.users;

  return (
    <EditorFrame
      label={isNew ? "New team" : `Team ${draft.name}`}
      failure={editor.failure}
      saving={save.isPending}
      canEdit={canEdit}
      backHref={LIST}
      onSubmit={() => save.mutate({ ...draft, modified: editor.modified })}
      onReload={() => void latest().then((fresh) => editor.reset(draftFrom(fresh), fresh.modified))}
      onKeepMine={() => void latest().then((fresh) => editor.adoptModified(fresh.modified))}
      onDelete={isNew ? undefined : deletion.ask}
    >
      <FieldGroup legend="Team">
        <div className="grid gap-4 sm:grid-cols-2">
          {isNew ? <TextInput label="Team name" required maxLength={140} value={draft.name} disabled={disabled} error={errors.name ?? errors.team_name} onChange={(e) => update({ name: e.target.value }, "name", "team_name")} /> : null}
          <TextInput label="Description" value={draft.description ?? ""} disabled={disabled} error={errors.description} onChange={(e) => update({ description: e.target.value || null }, "description")} />
          <SelectInput label="Team lead" hint="Escalation levels can notify the team lead." value={draft.team_lead ?? ""} disabled={disabled} error={errors.team_lead} onChange={(e) => update({ team_lead: e.target.value || null }, "team_lead")}>
            <option value="">No team lead</option>
            {leadChoices.map((u) => (
              <option key={u.name} value={u.name}>{u.label}</option>
            ))}
          </SelectInput>
        </div>
      </FieldGroup>
      <FieldGroup legend="Members">
        <CheckboxList legend="Agents in this team" options={memberChoices} selected={draft.members} disabled={disabled} error={memberError} emptyText="No agents yet: add agents first (Settings → Agents)." onChange={(members) => update({ members }, "members", "users")} />
      </FieldGroup>
      <AssignmentRuleEditor rule={draft.assignment_rule} errors={errors} disabled={disabled} onChange={(assignment_rule, ...paths) => update({ assignment_rule }, ...paths)} />
      {deletion.asking ? <ConfirmDialog title={`Delete team ${draft.name}?`} description="A team that tickets belong to can't be deleted. This can't be undone." confirmLabel="Delete" busy={deletion.busy} onConfirm={() => void deletion.confirm()} onClose={deletion.cancel} /> : null}
    </EditorFrame>
  );
}
