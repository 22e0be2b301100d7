// permissions.* (permissions and roles) through @unkey/api: create, get by id and by slug/name,
// list (paginated), setRolePermissions, delete, and the typed 409/404 errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ConflictErrorResponse, NotFoundErrorResponse } from '@unkey/api/models/errors';
import { startLatchkeyd } from '../lib/latchkeyd.mjs';
import { allPages, rejectsWith, unique, unkeyFor } from '../lib/sdk.mjs';

describe('permissions and roles', () => {
  let server;
  let unkey;
  before(async () => {
    server = await startLatchkeyd();
    unkey = unkeyFor(server);
  });
  after(async () => {
    const { code } = await server.stop();
    assert.equal(code, 0, `latchkeyd exits 0 on SIGTERM; log:\n${server.stderr()}`);
  });

  test('permission: create, get by id and slug, conflict, delete', async () => {
    const slug = `${unique('docs')}.read`;
    const created = await unkey.permissions.createPermission({ name: 'Read documents', slug, description: 'read' });
    const { permissionId } = created.data;
    assert.match(permissionId, /^perm_/);
    for (const permission of [permissionId, slug]) {
      const { data } = await unkey.permissions.getPermission({ permission });
      assert.deepEqual(data, { id: permissionId, name: 'Read documents', slug, description: 'read' });
    }
    await rejectsWith(unkey.permissions.createPermission({ name: 'again', slug }), ConflictErrorResponse, 409);

    const deleted = await unkey.permissions.deletePermission({ permission: permissionId });
    assert.deepEqual(deleted.data, {});
    await rejectsWith(unkey.permissions.getPermission({ permission: permissionId }), NotFoundErrorResponse, 404);
    await rejectsWith(unkey.permissions.deletePermission({ permission: permissionId }), NotFoundErrorResponse, 404);
  });

  test('role: create with permissions, get by id and name, setRolePermissions, delete', async () => {
    const prefix = unique('role');
    const name = `${prefix}-editor`;
    const created = await unkey.permissions.createRole({
      name, description: 'edits', permissions: [`${prefix}.read`, `${prefix}.write`],
    });
    const { roleId } = created.data;
    assert.match(roleId, /^role_/);
    for (const role of [roleId, name]) {
      const { data } = await unkey.permissions.getRole({ role });
      assert.equal(data.id, roleId);
      assert.equal(data.name, name);
      assert.equal(data.description, 'edits');
      assert.deepEqual(data.permissions.map((permission) => permission.slug).sort(), [`${prefix}.read`, `${prefix}.write`]);
    }
    await rejectsWith(unkey.permissions.createRole({ name }), ConflictErrorResponse, 409);

    const set = await unkey.permissions.setRolePermissions({ roleId, permissions: [`${prefix}.admin`] });
    assert.deepEqual(set.data.map((permission) => permission.slug), [`${prefix}.admin`]);
    const { data: after } = await unkey.permissions.getRole({ role: roleId });
    assert.deepEqual((after.permissions ?? []).map((permission) => permission.slug), [`${prefix}.admin`]);
    assert.deepEqual((await unkey.permissions.setRolePermissions({ roleId, permissions: [] })).data, []);

    assert.deepEqual((await unkey.permissions.deleteRole({ role: roleId })).data, {});
    await rejectsWith(unkey.permissions.getRole({ role: roleId }), NotFoundErrorResponse, 404);
  });

  test('listPermissions and listRoles page 5 at a time', async () => {
    const tag = unique('paged');
    const permissionIds = new Set();
    const roleIds = new Set();
    for (let i = 0; i < 12; ++i) {
      permissionIds.add((await unkey.permissions.createPermission({ name: `${tag} ${i}`, slug: `${tag}.p${i}` })).data.permissionId);
      roleIds.add((await unkey.permissions.createRole({ name: `${tag}-r${i}` })).data.roleId);
    }
    const permissionPages = await allPages(await unkey.permissions.listPermissions({ limit: 5, search: tag }));
    assert.deepEqual(permissionPages.map((page) => page.result.data.length), [5, 5, 2]);
    assert.equal(permissionPages.at(-1).result.pagination.cursor, undefined);
    assert.deepEqual(new Set(permissionPages.flatMap((page) => page.result.data.map((p) => p.id))), permissionIds);

    const rolePages = await allPages(await unkey.permissions.listRoles({ limit: 5, search: tag }));
    assert.deepEqual(rolePages.map((page) => page.result.data.length), [5, 5, 2]);
    assert.equal(rolePages.at(-1).result.pagination.hasMore, false);
    assert.deepEqual(new Set(rolePages.flatMap((page) => page.result.data.map((r) => r.id))), roleIds);
  });
});
