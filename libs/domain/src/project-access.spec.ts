import { ROLES } from './enums';
import { type Actor, canReadProject, canWriteProject, isTeamMember, projectAccess, type ProjectTeam } from './project-access';

const makeTeam = (overrides: Partial<ProjectTeam> = {}): ProjectTeam => ({
  ownerId: 'owner',
  leaderId: 'leader',
  assistantIds: ['assistant-1', 'assistant-2'],
  confidential: false,
  ...overrides,
});

describe('projectAccess', () => {
  const memberships = {
    owner: 'owner',
    leader: 'leader',
    assistant: 'assistant-2',
    outsider: 'someone-else',
  } as const;

  // Expected access per role, membership and confidentiality.
  const cases = ROLES.flatMap((role) =>
    (Object.keys(memberships) as (keyof typeof memberships)[]).flatMap((membership) =>
      [false, true].map((confidential) => {
        const privileged = role === 'admin' || role === 'manager';
        const expected = privileged || membership !== 'outsider' ? 'write' : confidential ? 'none' : 'read';
        return { role, membership, confidential, expected };
      }),
    ),
  );

  it('covers every role × membership × confidentiality', () => {
    expect(cases).toHaveLength(4 * 4 * 2);
  });

  it.each(cases)(
    'gives $expected to a(n) $role who is $membership when confidential is $confidential',
    ({ role, membership, confidential, expected }) => {
      const actor: Actor = { id: memberships[membership], role };
      const team = makeTeam({ confidential });
      expect(projectAccess(actor, team)).toBe(expected);
      expect(canReadProject(actor, team)).toBe(expected !== 'none');
      expect(canWriteProject(actor, team)).toBe(expected === 'write');
    },
  );

  it('does not treat a missing leader as matching anyone', () => {
    const team = makeTeam({ leaderId: null, confidential: true });
    expect(projectAccess({ id: 'leader', role: 'leader' }, team)).toBe('none');
  });
});

describe('isTeamMember', () => {
  it('recognises the owner, the leader and each assistant, by actor or id', () => {
    const team = makeTeam();
    for (const id of ['owner', 'leader', 'assistant-1', 'assistant-2']) {
      expect(isTeamMember(id, team)).toBe(true);
      expect(isTeamMember({ id }, team)).toBe(true);
    }
  });

  it('does not count anyone else', () => {
    expect(isTeamMember('someone-else', makeTeam())).toBe(false);
    expect(isTeamMember('', makeTeam({ assistantIds: [] }))).toBe(false);
  });
});
