// A tree view of the index in groups, one grouping of a few chosen from its title bar and
// remembered per workspace. The Incidents and Action Items views are two of these; each says how
// it groups and how a group and a member look.
import * as vscode from 'vscode';
import type { IncidentIndexEntry } from '../../../server/src/protocol';
import { INDEX_SCANNED_CONTEXT } from './contextKeys';
import type { Group } from './grouping';
import type { IndexSnapshot } from './indexCopy';
import type { IndexStore } from './indexStore';

export interface GroupedViewKind<T, G extends string> {
  /** The view's id in package.json. */
  viewId: string;
  /** The context key the title bar's buttons read, and the workspace state key of the choice. */
  groupingKey: string;
  defaultGrouping: G;
  isGrouping(value: unknown): value is G;
  group(entries: readonly IncidentIndexEntry[], by: G): Group<T>[];
  groupItem(group: Group<T>, by: G): vscode.TreeItem;
  memberItem(member: T, by: G): vscode.TreeItem;
  /** What the view says until the entries' lifecycles and action items have come, when it shows those. */
  untilDetailed?: string;
  /** The view's badge (a count in the activity bar), if any. */
  badge?(entries: readonly IncidentIndexEntry[]): vscode.ViewBadge | undefined;
}

type Node<T> = { group: Group<T> } | { member: T };

export class GroupedView<T, G extends string> implements vscode.TreeDataProvider<Node<T>>, vscode.Disposable {
  private grouping: G;
  private groups: Group<T>[] = [];
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node<T>>;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The entries the tree was last drawn from. */
  private shownEntries: readonly IncidentIndexEntry[] | undefined;

  constructor(private readonly kind: GroupedViewKind<T, G>, private readonly store: IndexStore, private readonly state: vscode.Memento) {
    const remembered = state.get<unknown>(kind.groupingKey);
    this.grouping = kind.isGrouping(remembered) ? remembered : kind.defaultGrouping;
    void vscode.commands.executeCommand('setContext', kind.groupingKey, this.grouping);
    this.view = vscode.window.createTreeView(kind.viewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, store.onDidChange((result) => this.show(result)));
    this.show(store.value);
  }

  /** The title bar's buttons: group another way, and remember it. */
  async groupBy(grouping: G): Promise<void> {
    this.grouping = grouping;
    await this.state.update(this.kind.groupingKey, grouping);
    await vscode.commands.executeCommand('setContext', this.kind.groupingKey, grouping);
    this.show(this.store.value, true);
  }

  /** `regroup`: the grouping changed, so the tree is redrawn even if the entries did not. */
  private show(result: IndexSnapshot, regroup = false): void {
    // The same entries (an empty workspace's scan ending): the tree is not refreshed, as a refresh
    // leaves the view blank until its children come back, between the message and the welcome.
    const sameEntries = result.entries === this.shownEntries || (result.entries.length === 0 && this.shownEntries?.length === 0);
    this.shownEntries = result.entries;
    this.groups = this.kind.group(result.entries, this.grouping);
    // The key before the message: the welcome it allows is there as the message goes.
    void vscode.commands.executeCommand('setContext', INDEX_SCANNED_CONTEXT, !result.scanning);
    const waiting = !result.detailed && this.kind.untilDetailed;
    this.view.message = waiting || (result.scanning ? 'Scanning the workspace for postmortems…' : undefined);
    this.view.badge = this.kind.badge?.(result.entries);
    if (regroup || !sameEntries) this.changed.fire(undefined);
  }

  getChildren(node?: Node<T>): Node<T>[] {
    if (!node) return this.groups.map((group) => ({ group }));
    return 'group' in node ? node.group.members.map((member) => ({ member })) : [];
  }

  getTreeItem(node: Node<T>): vscode.TreeItem {
    if ('member' in node) return this.kind.memberItem(node.member, this.grouping);
    const item = this.kind.groupItem(node.group, this.grouping);
    item.id = `${this.grouping}/${node.group.key}`;
    item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
