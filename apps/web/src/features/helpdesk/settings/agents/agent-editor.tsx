"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { EditorFrame } from "../editor-frame";
import { CheckboxInput, FieldError, FieldGroup, SelectInput, TextInput } from "../form-fields";
import { EditorSkeleton, LoadFailed } from "../states";
import type { AgentDoc, AgentDraft, SettingsOptions } from "../types";
import { useConfirmedDelete } from "../use-delete";
import { useSettingsEditor } from "../use-settings-editor";
import { useSettingsOptions, useSettingsOverview } from "../use-settings";
import { SkillsInput } from "./skills-input";

const LIST = "/helpdesk/settings/agents";
const availabilities: { value: AgentDraft["availability"]; text: string }[] = [
  { value: "Active", text: "Gets new tickets" },
  { value: "Away", text: "Only when nobody is Active" },
  { value: "Offline", text: "Gets no new tickets" },
];

const draftFrom = ({ name: _name, modified: _modified, ...doc }: AgentDoc): AgentDraft => doc;
const newDraft = (): AgentDraft => ({ user: "", agent_name: null, availability: "Active", skills: [], max_open: null, is_active: true });

export function AgentEditor({ name }: { name?: string }) {
  const trpc = useTRPC();
  const agent = useQuery({ ...trpc.helpdeskSettings.agents.get.queryOptions({ name: name ?? "" }), enabled: name !== undefined });
  const options = useSettingsOptions();
  const overview = useSettingsOverview();
  const title = name === undefined ? "New agent" : (agent.data?.agent_name ?? name);
  const header = <PageHeader title={title} description="Whether the agent takes new tickets, what they are good at and how many they handle at once." />;
  if ((name !== undefined && agent.isPending) || options.isPending || overview.isPending) return <>{header}<EditorSkeleton label="Loading the agent" /></>;
  const failed = (name !== undefined && agent.error) || options.error || overview.error;
  if (failed) return <>{header}<LoadFailed error={failed} what="Agent" backHref={LIST} retry={() => void Promise.all([agent.refetch(), options.refetch(), overview.refetch()])} /></>;
  return (
    <>
      {header}
      <AgentForm key={agent.data?.modified ?? "new"} doc={agent.data} options={options.data} canEdit={overview.data.canEdit} />
    </>
  );
}

function AgentForm({ doc, options, canEdit }: { doc: AgentDoc | undefined; options: SettingsOptions; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editor = useSettingsEditor(doc ? draftFrom(doc) : newDraft(), doc?.modified);
  const { draft, errors, update } = editor;
  const isNew = editor.modified === undefined;
  const disabled = !canEdit;

  const refreshLists = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.agents.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.overview.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.options.queryKey() })]);
  const save = useMutation(
    trpc.helpdeskSettings.agents.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Agent ${saved.agent_name ?? saved.user} saved`);
        editor.reset(draftFrom(saved), saved.modified);
        queryClient.setQueryData(trpc.helpdeskSettings.agents.get.queryKey({ name: saved.name }), saved);
        await refreshLists();
        if (isNew) router.replace(`${LIST}/${encodeURIComponent(saved.name)}`);
      },
      onError: editor.onError,
    }),
  );
  const latest = () => queryClient.fetchQuery({ ...trpc.helpdeskSettings.agents.get.queryOptions({ name: draft.user }), staleTime: 0 });
  const remove = useMutation(trpc.helpdeskSettings.agents.delete.mutationOptions());
  const deletion = useConfirmedDelete(() => remove.mutateAsync({ name: draft.user }), `Agent ${draft.agent_name ?? draft.user}`, LIST, refreshLists);
  const candidates = options.users.filter((u) => !options.agents.some((a) => a.name === u.name));

  return (
    <EditorFrame
      label={isNew ? "New agent" : `Agent ${draft.agent_name ?? draft.user}`}
      failure={editor.failure}
      saving={save.isPending}
      canEdit={canEdit}
      backHref={LIST}
      onSubmit={() => save.mutate({ ...draft, modified: editor.modified })}
      onReload={() => void latest().then((fresh) => editor.reset(draftFrom(fresh), fresh.modified))}
      onKeepMine={() => void latest().then((fresh) => editor.adoptModified(fresh.modified))}
      onDelete={isNew ? undefined : deletion.ask}
    >
      <FieldGroup legend="Agent">
        <div className="grid gap-4 sm:grid-cols-2">
          {isNew ? (
            <SelectInput label="User" required value={draft.user} disabled={disabled} error={errors.user} onChange={(e) => update({ user: e.target.value, agent_name: draft.agent_name ?? (options.users.find((u) => u.name === e.target.value)?.label || null) }, "user")}>
              <option value="">Choose a user</option>
              {candidates.map((u) => (
                <option key={u.name} value={u.name}>{`${u.label} (${u.name})`}</option>
              ))}
            </SelectInput>
          ) : (
            <p className="text-sm text-muted sm:col-span-2">User: {draft.user}</p>
          )}
          <TextInput label="Display name" maxLength={140} value={draft.agent_name ?? ""} disabled={disabled} error={errors.agent_name} onChange={(e) => update({ agent_name: e.target.value || null }, "agent_name")} />
          <CheckboxInput label="Active agent" hint="Inactive agents are never assigned and are hidden from pickers." checked={draft.is_active} disabled={disabled} error={errors.is_active} onChange={(is_active) => update({ is_active }, "is_active")} />
        </div>
      </FieldGroup>
      <FieldGroup legend="Availability" error={errors.availability}>
        <div role="radiogroup" aria-label="Availability" className="grid gap-2 sm:grid-cols-3">
          {availabilities.map((a) => (
            <label key={a.value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-line p-3 has-checked:border-accent has-checked:bg-accent-soft">
              <input type="radio" name="availability" className="mt-0.5 size-5 accent-accent" value={a.value} checked={draft.availability === a.value} disabled={disabled} onChange={() => update({ availability: a.value }, "availability")} />
              <span>
                <span className="block text-sm font-medium text-fg">{a.value}</span>
                <span className="block text-xs text-muted">{a.text}</span>
              </span>
            </label>
          ))}
        </div>
      </FieldGroup>
      <FieldGroup legend="Skills and capacity">
        <div className="grid gap-4 sm:grid-cols-2">
          <SkillsInput skills={draft.skills} error={errors.skills} disabled={disabled} onChange={(skills) => update({ skills }, "skills")} />
          <div>
            <TextInput
              label="Capacity (max open tickets)"
              type="number"
              inputMode="numeric"
              min={1}
              hint="Empty: the team's rule decides."
              value={draft.max_open === null ? "" : String(draft.max_open)}
              disabled={disabled}
              error={errors.max_open}
              onChange={(e) => update({ max_open: e.target.value === "" ? null : Math.round(Number(e.target.value)) }, "max_open")}
            />
            <FieldError id="agent-name-error" message={errors.name} />
          </div>
        </div>
      </FieldGroup>
      {deletion.asking ? <ConfirmDialog title={`Delete agent ${draft.agent_name ?? draft.user}?`} description="They are no longer assigned tickets; their user account stays. This can't be undone." confirmLabel="Delete" busy={deletion.busy} onConfirm={() => void deletion.confirm()} onClose={deletion.cancel} /> : null}
    </EditorFrame>
  );
}
